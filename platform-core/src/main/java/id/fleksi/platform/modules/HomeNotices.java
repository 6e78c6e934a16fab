package id.fleksi.platform.modules;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import java.util.List;

/**
 * What a feature module has for one person on the tenant's home page: how their day stands, and what waits for them,
 * counted ("3 laporan menunggu persetujuan Anda"), each with the page where they act. A bean of a module; the home page
 * asks only the modules that are on, with the tenant set.
 */
public interface HomeNotices {

    /** The module these belong to. */
    String moduleId();

    /** The person's notices, in the order the page shows them; none when there is nothing to say. */
    List<Notice> of(Tenant tenant, Caller caller);

    /**
     * One line of the home page.
     *
     * @param text what to say, with its count
     * @param path where to act, under {@code /t/{code}/} (e.g. {@code activity-reports/review})
     * @param waiting something waits for the person (shown first, marked); false for a plain state of the day
     */
    record Notice(LocalizedText text, String path, boolean waiting) {

        public static Notice state(LocalizedText text, String path) {
            return new Notice(text, path, false);
        }

        public static Notice waiting(LocalizedText text, String path) {
            return new Notice(text, path, true);
        }
    }
}
