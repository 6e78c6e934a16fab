package id.fleksi.platform.testing.modules;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The notes module's listener: hears only tenants that have the module on. */
@Component
public class NotesListener {

    public final List<NoteAdded> heard = new CopyOnWriteArrayList<>();

    @EventListener(condition = "@moduleSwitches.isEnabled(#event.tenant(), 'notes')")
    void on(NoteAdded event) {
        heard.add(event);
    }
}
