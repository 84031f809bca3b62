package chainmap.graph;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

import sun.misc.Signal;

/**
 * Runs Neo4j Community embedded, with a Bolt connector on 127.0.0.1, for local development and
 * tests (no Docker, no Neo4j install). Started by graph/src/launcher/local-neo4j.ts.
 *
 * <p>Protocol on stdout, one line each, nothing else:
 * <ul>
 *   <li>{@code CHAINMAP_NEO4J_READY bolt://127.0.0.1:<port> version=<v> edition=<e>} once the
 *       default database answers queries;</li>
 *   <li>{@code CHAINMAP_NEO4J_ERROR <message>} before a non-zero exit.</li>
 * </ul>
 * Neo4j's own logs stay in {@code <home>/logs}; diagnostics (stack traces, --verbose) go to stderr.
 *
 * <p>SIGTERM and SIGINT shut the database down cleanly and exit 0. So does the end of stdin with
 * {@code --exit-on-stdin-eof}: a parent process that dies without stopping us leaves no orphan.
 * A request that arrives while Neo4j is still starting is carried out once the start completes,
 * so a store is never abandoned half-opened.
 *
 * <p>Usage: {@code Launcher --home DIR [--port 7687] [--pagecache 2g] [--tx-timeout 300s]
 * [--exit-on-stdin-eof] [--verbose]}
 */
public final class Launcher {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final Object LOCK = new Object();
    /** Set once the DBMS is built and its shutdown hook registered; guarded by LOCK. */
    private static boolean started;
    /** A signal or stdin EOF asked us to exit; guarded by LOCK. */
    private static boolean exitRequested;

    private Launcher() {}

    public static void main(String[] args) {
        Path home = null;
        int port = BoltConnector.DEFAULT_PORT;
        String pageCache = "2g";
        Duration txTimeout = Duration.ofMinutes(5);
        boolean verbose = false;
        boolean exitOnStdinEof = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--home" -> home = Path.of(args[++i]).toAbsolutePath().normalize();
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--pagecache" -> pageCache = args[++i];
                    case "--tx-timeout" -> txTimeout = Duration.parse("PT" + args[++i]);
                    case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                    case "--verbose" -> verbose = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (home == null) throw new IllegalArgumentException("--home DIR is required");
        } catch (RuntimeException e) {
            fail("bad arguments: " + e.getMessage());
            return;
        }

        Signal.handle(new Signal("TERM"), signal -> requestExit());
        Signal.handle(new Signal("INT"), signal -> requestExit());
        if (exitOnStdinEof) {
            Thread watcher = new Thread(Launcher::exitOnStdinEof, "chainmap-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        DatabaseManagementService dbms;
        try {
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    // Local-only process: no users to manage. Drivers connect with any or no credentials.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    // A runaway query is stopped rather than pinning the machine; seeds batch their writes.
                    .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
                    .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                    // Bolt's Netty event loops otherwise idle 5 s each on shutdown, after the
                    // databases are already checkpointed and closed; stop() would take ~11 s.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
            if (verbose) builder.setUserLogProvider(new Log4jLogProvider(System.err, Level.INFO));
            dbms = builder.build();
        } catch (Throwable e) {
            e.printStackTrace();
            fail(explain(e, home, port));
            return;
        }

        // From here on every exit (System.exit, signals, end of stdin) closes the store cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "chainmap-neo4j-shutdown"));
        synchronized (LOCK) {
            started = true;
            if (exitRequested) System.exit(0);
        }

        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
                throw new IllegalStateException("the default database did not become available within 2 minutes");
            }
            // Ask Cypher itself, which also proves the database answers queries before we say ready.
            Map<String, Object> component = db.executeTransactionally(
                    "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
                    Map.of(),
                    result -> result.next());
            OUT.println("CHAINMAP_NEO4J_READY bolt://127.0.0.1:" + port
                    + " version=" + component.get("version") + " edition=" + component.get("edition"));
        } catch (Throwable e) {
            e.printStackTrace();
            fail("Neo4j started but the default database is not usable: " + rootMessage(e)
                    + " (logs: " + home.resolve("logs") + ")");
        }
        // Bolt's non-daemon threads keep the JVM alive until an exit is requested.
    }

    /** Exits 0 through the shutdown hook, or, while Neo4j is still starting, once it has started. */
    private static void requestExit() {
        synchronized (LOCK) {
            exitRequested = true;
            if (!started) return;
        }
        System.exit(0);
    }

    /** Blocks until stdin reaches end-of-file (the parent is gone), then requests the exit. */
    private static void exitOnStdinEof() {
        try {
            while (System.in.read() != -1) {
                // input is ignored; only its end matters
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone too
        }
        requestExit();
    }

    /** Turns a startup failure into one sentence a developer can act on. */
    private static String explain(Throwable error, Path home, int port) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t.getClass().getSimpleName().equals("FileLockException") || message.contains("store_lock")) {
                return "the data folder " + home + " is locked: another Neo4j process is using it."
                        + " Stop that process, or choose another folder with NEO4J_DATA_DIR";
            }
            if (t instanceof BindException || message.contains("Address already in use")) {
                return "port " + port + " on 127.0.0.1 is in use; is another Neo4j running?"
                        + " choose another with NEO4J_BOLT_PORT";
            }
        }
        return "Neo4j failed to start: " + rootMessage(error) + " (logs: " + home.resolve("logs") + ")";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void fail(String message) {
        OUT.println("CHAINMAP_NEO4J_ERROR " + message.replace('\n', ' '));
        // exit, not return: a half-started DBMS may leave non-daemon threads behind. If the DBMS
        // did start, the shutdown hook closes it cleanly first.
        System.exit(1);
    }
}
