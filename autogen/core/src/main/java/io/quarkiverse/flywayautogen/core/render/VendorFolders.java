package io.quarkiverse.flywayautogen.core.render;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkiverse.flywayautogen.core.AutogenException;

/**
 * Where each database's migrations live when an application ships migrations for several of them from one entity
 * model: in folders named after the database, side by side ({@code db/migration/sqlite}, {@code db/migration/postgresql}),
 * as Flyway's {@code {vendor}} placeholder lays them out. The datasource's own folder names its vendor; the others
 * are that folder with the vendor's name in its place.
 */
public final class VendorFolders {

    /** Flyway's placeholder for the database's name in a location. */
    public static final String PLACEHOLDER = "{vendor}";

    private VendorFolders() {
    }

    /** A location or folder with Flyway's {@code {vendor}} placeholder filled in. */
    public static String substitute(String location, String vendor) {
        return location.replace(PLACEHOLDER, vendor.toLowerCase(Locale.ROOT));
    }

    /**
     * Each vendor's folder, the datasource's vendor first. {@code folder}: the datasource's folder, with any
     * placeholder filled in; {@code vendors}: the configured ones, the datasource's own included or not.
     */
    public static Map<String, Path> resolve(Path folder, String vendor, List<String> vendors) {
        String own = vendor.toLowerCase(Locale.ROOT);
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put(own, folder);
        int segment = -1;
        for (int i = folder.getNameCount() - 1; i >= 0 && segment < 0; i--) {
            if (folder.getName(i).toString().equalsIgnoreCase(own)) {
                segment = i;
            }
        }
        for (String other : vendors) {
            String name = other.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || folders.containsKey(name)) {
                continue;
            }
            if (segment < 0) {
                throw new AutogenException("migrations are configured for " + String.join(", ", vendors) + ", but the "
                        + own + " datasource's folder " + folder + " does not name its database: put each database's"
                        + " migrations in a folder named after it (db/migration/" + own + ", db/migration/" + name
                        + "), or use Flyway's placeholder (quarkus.flyway.locations=db/migration/" + PLACEHOLDER + ")");
            }
            Path replaced = folder.getRoot() == null ? Path.of("") : folder.getRoot();
            for (int i = 0; i < folder.getNameCount(); i++) {
                replaced = replaced.resolve(i == segment ? name : folder.getName(i).toString());
            }
            folders.put(name, replaced);
        }
        return folders;
    }
}
