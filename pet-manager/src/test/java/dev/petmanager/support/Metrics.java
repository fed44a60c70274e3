package dev.petmanager.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One scrape of {@code /q/metrics} (on the management interface) in the Prometheus text format, read the way
 * Prometheus reads it.
 */
public final class Metrics {

    private record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples;

    private Metrics(List<Sample> samples) {
        this.samples = samples;
    }

    /** A scrape of the service under test, on its management interface ({@link Management}). */
    public static Metrics scrape() {
        return scrape(Management.port());
    }

    /** A scrape of a service started by the test itself, whose management interface is on {@code port}. */
    public static Metrics scrape(int port) {
        return parse(given().port(port).when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The samples of a Prometheus text exposition, e.g. fetched from another process. */
    public static Metrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace > 0 ? line.substring(0, brace) : line.substring(0, space);
            String labels = brace > 0 ? line.substring(brace + 1, line.lastIndexOf('}')) : "";
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
        return new Metrics(samples);
    }

    /**
     * The value of the sample named {@code name} whose labels include every {@code label="value"} given (as
     * {@code "uri", "/pets"} pairs); empty when no sample matches. Several matches are summed, as a PromQL sum.
     */
    public OptionalDouble value(String name, String... labelPairs) {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            wanted.add(labelPairs[i] + "=\"" + labelPairs[i + 1] + "\"");
        }
        double[] matching = samples.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> Arrays.asList(s.labels().split(",")).containsAll(wanted))
                .mapToDouble(Sample::value).toArray();
        return matching.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(Arrays.stream(matching).sum());
    }

    /** As {@link #value}, failing with the metric's name when there is no such sample. */
    public double require(String name, String... labelPairs) {
        return value(name, labelPairs).orElseThrow(() -> new AssertionError("no sample " + name + " "
                + String.join(",", labelPairs) + " in /q/metrics"));
    }
}
