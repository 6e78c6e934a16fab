package id.fleksi.platform.testing.modules;

import id.fleksi.platform.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The notes module's API; reachable only while the module is on for the tenant. */
@RestController
class NotesController {

    private final JdbcClient jdbc;

    NotesController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/t/{code}/notes")
    List<String> list(@PathVariable String code) {
        return jdbc.sql("select text from " + TenantContext.require().schemaName() + ".notes_note order by id")
                .query(String.class)
                .list();
    }

    @PostMapping("/api/v1/t/{code}/notes")
    Map<String, String> add(@PathVariable String code, @RequestBody Map<String, String> note) {
        jdbc.sql("insert into " + TenantContext.require().schemaName() + ".notes_note (text) values (?)")
                .param(note.get("text"))
                .update();
        return note;
    }
}
