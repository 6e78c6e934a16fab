package id.fleksi.platform.testing.modules;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** The notes module's page; gone (404) while the module is off for the tenant. */
@Controller
class NotesPage {

    @GetMapping("/t/{code}/notes/")
    @ResponseBody
    String page(@PathVariable String code) {
        return "<h1 id=\"notes\">Catatan</h1>";
    }
}
