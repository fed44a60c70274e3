import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver of bench/rollout-under-load.sh (run as a single-file source: java bench/RolloutLoad.java ...).
 *
 * <pre>
 * load   PORTS_FILE STOP_FILE LOG TOKEN MAX_ID OWNERS READERS WRITERS
 * report LOG BEFORE_FROM_MS BEFORE_TO_MS DURING_FROM_MS DURING_TO_MS ACKED_IDS_OUT
 * </pre>
 *
 * {@code load}: READERS threads GET /pets/{random id <= MAX_ID}, WRITERS threads POST /pets, each request to the next
 * port of PORTS_FILE (the replicas in service; the script rewrites it as it rolls them over, re-read every 100 ms,
 * like a balancer's upstream list). Runs until STOP_FILE exists (at most 30 min). Writes one line per request to LOG:
 * {@code startEpochMs latencyMicros R|W status id} (status -1: no answer; id: the stored pet's id of an
 * acknowledged POST, else 0). {@code report}: p50/p99 per window (requests started in it), errors, and the ids of
 * acknowledged writes to ACKED_IDS_OUT (for the lost-write check against the table).
 */
public class RolloutLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static volatile int[] ports = new int[0];

    public static void main(String[] args) throws Exception {
        if (args[0].equals("load")) {
            load(args);
        } else {
            report(args);
        }
    }

    private static void load(String[] args) throws Exception {
        Path portsFile = Path.of(args[1]);
        Path stopFile = Path.of(args[2]);
        Path log = Path.of(args[3]);
        String token = args[4];
        int maxId = Integer.parseInt(args[5]);
        int owners = Integer.parseInt(args[6]);
        int readers = Integer.parseInt(args[7]);
        int writers = Integer.parseInt(args[8]);
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(30).toMillis();
        readPorts(portsFile);
        List<Thread> threads = new ArrayList<>();
        List<StringBuilder> lines = new ArrayList<>();
        for (int i = 0; i < readers + writers; i++) {
            boolean write = i >= readers;
            StringBuilder out = new StringBuilder();
            lines.add(out);
            int offset = i;
            Thread t = new Thread(() -> run(write, offset, token, maxId, owners, out, stopFile, deadline), "load-" + i);
            t.start();
            threads.add(t);
        }
        while (!Files.exists(stopFile) && System.currentTimeMillis() < deadline) {
            readPorts(portsFile);
            Thread.sleep(100);
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        try (BufferedWriter w = Files.newBufferedWriter(log)) {
            for (StringBuilder out : lines) {
                w.append(out);
            }
        }
    }

    private static void readPorts(Path file) throws IOException {
        int[] read = Files.readAllLines(file).stream().map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        if (read.length > 0) {
            ports = read;
        }
    }

    private static void run(boolean write, int offset, String token, int maxId, int owners, StringBuilder out,
                            Path stopFile, long deadline) {
        // one client per thread: its own connections, so a replica taken out of the list is simply no longer used
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long n = offset;
        while (!Files.exists(stopFile) && System.currentTimeMillis() < deadline) {
            int[] current = ports;
            int port = current[(int) (n++ % current.length)];
            ThreadLocalRandom random = ThreadLocalRandom.current();
            HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token);
            if (write) {
                String body = "{\"name\":\"load\",\"species\":\"DOG\",\"ownerId\":" + random.nextInt(1, owners + 1) + "}";
                request.uri(URI.create("http://127.0.0.1:" + port + "/pets"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.uri(URI.create("http://127.0.0.1:" + port + "/pets/" + random.nextInt(1, maxId + 1))).GET();
            }
            long startMs = System.currentTimeMillis();
            long start = System.nanoTime();
            int status;
            long id = 0;
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (write && status == 201) {
                    Matcher m = ID.matcher(response.body());
                    id = m.find() ? Long.parseLong(m.group(1)) : -1;
                }
            } catch (IOException | InterruptedException e) {
                status = -1;
            }
            long micros = (System.nanoTime() - start) / 1000;
            out.append(startMs).append(' ').append(micros).append(' ').append(write ? 'W' : 'R').append(' ')
                    .append(status).append(' ').append(id).append('\n');
        }
    }

    private static void report(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        long beforeFrom = Long.parseLong(args[2]);
        long beforeTo = Long.parseLong(args[3]);
        long duringFrom = Long.parseLong(args[4]);
        long duringTo = Long.parseLong(args[5]);
        Window before = new Window();
        Window during = new Window();
        long errors = 0;
        long requests = 0;
        StringBuilder acked = new StringBuilder();
        List<String> errorSamples = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            long startMs = Long.parseLong(f[0]);
            long micros = Long.parseLong(f[1]);
            int status = Integer.parseInt(f[3]);
            requests++;
            boolean ok = f[2].equals("W") ? status == 201 : status == 200;
            if (!ok) {
                errors++;
                if (errorSamples.size() < 5) {
                    errorSamples.add(line);
                }
            }
            if (f[2].equals("W") && status == 201) {
                acked.append(f[4]).append('\n');
            }
            if (startMs >= beforeFrom && startMs < beforeTo) {
                before.add(f[2], micros);
            }
            // during: every request that was in flight at some moment of the migration
            if (startMs <= duringTo && startMs + micros / 1000 >= duringFrom) {
                during.add(f[2], micros);
            }
        }
        Files.writeString(Path.of(args[6]), acked);
        System.out.printf("requests %d errors %d acked_writes %d%n", requests, errors, acked.toString().lines().count());
        errorSamples.forEach(s -> System.out.println("error_sample " + s));
        before.print("before");
        during.print("during");
    }

    /** Latencies of one window, all requests and per kind. */
    private static final class Window {
        private final List<Long> all = new ArrayList<>();
        private final List<Long> reads = new ArrayList<>();
        private final List<Long> writes = new ArrayList<>();

        void add(String kind, long micros) {
            all.add(micros);
            (kind.equals("W") ? writes : reads).add(micros);
        }

        void print(String name) {
            System.out.printf("%s n %d p50_ms %.1f p99_ms %.1f read_p99_ms %.1f write_p99_ms %.1f max_ms %.1f%n", name,
                    all.size(), pct(all, 50), pct(all, 99), pct(reads, 99), pct(writes, 99), pct(all, 100));
        }

        private static double pct(List<Long> values, double p) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
        }
    }
}
