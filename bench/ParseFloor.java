import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The parse-only floor: JavaParser alone over every .java file under a folder, on N threads, with
 * the configuration the Java plugin uses (no tokens, no comment attribution). One warm-up pass over
 * a tenth of the files first, then the timed pass. Prints the timed seconds on the last line.
 * Usage: java -cp 'server/target/lib/*' bench/ParseFloor.java DIR [THREADS]
 */
public class ParseFloor {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/.graph-memory/")).toList();
        }
        ThreadLocal<JavaParser> parser = ThreadLocal.withInitial(() -> new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
                .setStoreTokens(false)
                .setAttributeComments(false)));
        run(files.subList(0, files.size() / 10), threads, parser);
        long start = System.nanoTime();
        int ok = run(files, threads, parser);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("parsed %d files (%d ok) in %.1f s on %d threads%n", files.size(), ok, seconds, threads);
        System.out.printf("%.1f%n", seconds);
    }

    static int run(List<Path> files, int threads, ThreadLocal<JavaParser> parser) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger ok = new AtomicInteger();
        List<Future<?>> futures = files.stream()
                .map(f -> pool.submit(() -> {
                    try {
                        if (parser.get().parse(Files.readString(f)).isSuccessful()) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception | StackOverflowError e) {
                        // counted as not ok
                    }
                }))
                .<Future<?>>map(x -> x)
                .toList();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return ok.get();
    }
}
