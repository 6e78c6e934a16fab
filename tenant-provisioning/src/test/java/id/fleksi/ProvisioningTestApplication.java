package id.fleksi;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** platform-core and tenant-provisioning together, without the application module. */
@SpringBootApplication
public class ProvisioningTestApplication {}
