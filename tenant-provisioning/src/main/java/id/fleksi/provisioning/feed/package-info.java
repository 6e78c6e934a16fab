/**
 * The daily feed: a self-hosted kabupaten's replica sends its province the figures the province's dashboards need
 * (counts per OPD per day, no person), signed with the instance's key, over HTTPS, from an outbox that retries with
 * backoff; the province takes it only for a tenant handed over from it, signed by the key registered for its replica,
 * and keeps one set of figures per day. The operator's guide is docs/feed.md.
 */
@NullMarked
package id.fleksi.provisioning.feed;

import org.jspecify.annotations.NullMarked;
