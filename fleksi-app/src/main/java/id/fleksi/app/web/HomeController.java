package id.fleksi.app.web;

import id.fleksi.platform.tenancy.TenantRegistry;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: where to log in. */
@Controller
class HomeController {

    private final TenantRegistry registry;

    HomeController(TenantRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tenants", registry.list().stream().filter(t -> t.isActive()).toList());
        return "index";
    }
}
