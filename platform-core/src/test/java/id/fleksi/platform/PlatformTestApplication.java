package id.fleksi.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** platform-core on its own, as the application module assembles it. */
@SpringBootApplication
public class PlatformTestApplication {}
