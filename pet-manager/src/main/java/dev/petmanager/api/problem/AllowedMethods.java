package dev.petmanager.api.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods each API path supports, for the {@code Allow} header that RFC 9110 requires on a 405. The REST layer
 * raises the 405 without it (and its automatic OPTIONS answer lists every method of the resource class, not of the
 * path), so the table is read once from the resources' JAX-RS annotations.
 */
@Singleton
public class AllowedMethods {

    private record Route(Pattern path, String methods) {
    }

    private final List<Route> routes;

    public AllowedMethods(ResourceClasses resources) {
        Map<String, TreeSet<String>> methodsByTemplate = new LinkedHashMap<>();
        for (Class<?> resource : resources.classes()) {
            String base = pathOf(resource).orElse("");
            for (Method method : resource.getMethods()) {
                httpMethodOf(method).ifPresent(http -> methodsByTemplate
                        .computeIfAbsent(join(base, pathOf(method).orElse("")), t -> new TreeSet<>()).add(http));
            }
        }
        List<Route> table = new ArrayList<>();
        methodsByTemplate.forEach((template, methods) -> {
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
            table.add(new Route(Pattern.compile(regexOf(template)), String.join(", ", methods)));
        });
        this.routes = Collections.unmodifiableList(table);
    }

    /** The {@code Allow} value for a request path, empty for a path no resource serves. */
    public Optional<String> forPath(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routes.stream().filter(route -> route.path().matcher(normalized).matches()).map(Route::methods)
                .findFirst();
    }

    private static Optional<String> pathOf(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(Path.class)).map(Path::value);
    }

    private static Optional<String> httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return Optional.of(http.value());
            }
        }
        return Optional.empty();
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code /users/{id}/pets} becomes {@code /users/[^/]+/pets}; literal segments are quoted. */
    private static String regexOf(String template) {
        return Arrays.stream(template.split("/", -1))
                .map(segment -> segment.isEmpty() ? "" : segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment))
                .collect(Collectors.joining("/"));
    }
}
