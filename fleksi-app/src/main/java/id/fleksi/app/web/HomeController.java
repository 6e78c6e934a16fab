package id.fleksi.app.web;

import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: where to log in. */
@PageController
class HomeController {

    private final TenantRegistry registry;

    HomeController(TenantRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute(
                "tenants", registry.list().stream().filter(t -> t.isActive()).toList());
        return "index";
    }
}
