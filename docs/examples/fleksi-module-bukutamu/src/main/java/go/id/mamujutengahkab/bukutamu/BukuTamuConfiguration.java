package go.id.mamujutengahkab.bukutamu;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * How Fleksi finds the module: this class is named in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}, and it scans its own package.
 */
@AutoConfiguration
@ComponentScan
public class BukuTamuConfiguration {
}
