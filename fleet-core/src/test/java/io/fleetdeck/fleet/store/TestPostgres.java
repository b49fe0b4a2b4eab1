package io.fleetdeck.fleet.store;

import static org.awaitility.Awaitility.await;

import com.sun.security.auth.module.UnixSystem;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for the store tests, started once per test JVM on first use and stopped when the JVM ends
 * (a shutdown hook; should the JVM be killed outright, the server gets SIGINT as its parent dies, through setpriv's
 * parent-death signal). It is initdb'd into a fresh temporary folder, listens on 127.0.0.1 on a free port with its unix
 * socket in that folder, requires a password (scram-sha-256), and keeps fsync on as a real server would.
 *
 * <p>PostgreSQL refuses to run as root, so under root (as here and in CI) the folder is handed to the {@code postgres}
 * system user that Debian's package creates and every server program runs as that user; otherwise as the current
 * user. Each test's data folder gets a fresh database of its own, so tests are independent; opening the same folder
 * again reaches the same database, as reopening a SQLite file would.
 *
 * <p>Where PostgreSQL is not installed the tests that need it are skipped (aborted with an assumption that says so);
 * {@code ./test} installs Debian's {@code postgresql} package, so CI always runs them. {@value #BIN_VARIABLE} names
 * another folder with {@code initdb}, {@code postgres} and {@code pg_ctl}.
 */
public final class TestPostgres {

    static final String BIN_VARIABLE = "FLEETDECK_TEST_PG_BIN";
    static final String USER = "fleetdeck";
    private static final String SERVER_USER = "postgres";
    private static final String FOLDER_PREFIX = "fleetdeck-pg-";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);

    private static TestPostgres shared;
    private static String unavailable;
    private static RuntimeException failedToStart;

    private final Path binaries;
    private final Path home;
    private final boolean asServerUser;
    private final String password;
    private final Map<Path, String> databasesByFolder = new ConcurrentHashMap<>();
    private final ExecutorService creator = Executors.newSingleThreadExecutor(
            work -> Thread.ofPlatform().daemon().name("test-postgres-databases").unstarted(work));
    private Future<String> spare;
    private Process server;
    private int port;
    private Connection admin;
    private int databases;
    private boolean stopped;

    private TestPostgres(Path binaries, Path home, boolean asServerUser, String password) {
        this.binaries = binaries;
        this.home = home;
        this.asServerUser = asServerUser;
        this.password = password;
    }

    /** The server of this test JVM, started on the first call; aborts the calling test where there is none. */
    public static synchronized TestPostgres shared() {
        if (shared != null) {
            return shared;
        }
        if (failedToStart != null) {
            throw new IllegalStateException("the PostgreSQL test server did not start", failedToStart);
        }
        if (unavailable == null) {
            unavailable = whyUnavailable();
        }
        if (!unavailable.isEmpty()) {
            Assumptions.abort(unavailable);
        }
        try {
            shared = start();
            return shared;
        } catch (RuntimeException e) {
            failedToStart = e;
            throw e;
        }
    }

    /** The URL of the database for a test's data folder: created on first use, the same one after. */
    public String databaseFor(Path folder) {
        return url(databasesByFolder.computeIfAbsent(folder.toAbsolutePath().normalize(), f -> createDatabase()));
    }

    public String url(String database) {
        return url(database, USER, password);
    }

    public String url(String database, String user, String password) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + user + "&password=" + password;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /**
     * A fresh, empty database; its name. Creating one copies the template database (a few MB, written and synced),
     * which takes longer than most tests: the next one is made in the background while the caller uses this one.
     */
    public synchronized String createDatabase() {
        Future<String> ready = spare != null ? spare : creator.submit(this::newDatabase);
        spare = creator.submit(this::newDatabase);
        try {
            return ready.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create a test database", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating a test database", e);
        }
    }

    /** Only ever on the creator thread, which has the admin connection to itself. */
    private String newDatabase() throws SQLException {
        String name = "fleetdeck_test_" + (++databases);
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    // --- finding PostgreSQL

    /** Empty when the server can run here; else why not, for the assumption that skips the test. */
    private static String whyUnavailable() {
        Optional<Path> binaries = binaries();
        if (binaries.isEmpty()) {
            String configured = System.getenv(BIN_VARIABLE);
            return "PostgreSQL is not installed, so the PostgreSQL variant of the store tests is skipped: no initdb,"
                    + " postgres and pg_ctl in "
                    + (configured != null && !configured.isBlank()
                            ? configured + " (" + BIN_VARIABLE + ")"
                            : "/usr/lib/postgresql/*/bin or on the PATH")
                    + ". ./test installs Debian's postgresql package.";
        }
        if (isRoot() && serverUser().isEmpty()) {
            return "PostgreSQL refuses to run as root and there is no '" + SERVER_USER
                    + "' system user to run the test server as (Debian's postgresql package creates it), so the"
                    + " PostgreSQL variant of the store tests is skipped.";
        }
        return "";
    }

    private static Optional<Path> binaries() {
        String configured = System.getenv(BIN_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(TestPostgres::hasServer);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.filter(
                                v -> v.getFileName().toString().matches("[0-9]+"))
                        .sorted(Comparator.comparingInt((Path v) ->
                                        Integer.parseInt(v.getFileName().toString()))
                                .reversed())
                        .map(v -> v.resolve("bin"))
                        .filter(TestPostgres::hasServer)
                        .findFirst();
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return onPath("initdb").map(Path::getParent).filter(TestPostgres::hasServer);
    }

    private static boolean hasServer(Path bin) {
        return Stream.of("initdb", "postgres", "pg_ctl").allMatch(p -> Files.isExecutable(bin.resolve(p)));
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    private static Optional<UserPrincipal> serverUser() {
        try {
            return Optional.of(
                    Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVER_USER));
        } catch (UserPrincipalNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- running it

    private static TestPostgres start() {
        Path binaries = binaries().orElseThrow();
        boolean root = isRoot();
        removeLeftovers();
        try {
            Path home = Files.createTempDirectory(FOLDER_PREFIX);
            String password = HexFormat.of().formatHex(randomBytes(16));
            TestPostgres postgres = new TestPostgres(binaries, home, root, password);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "test-postgres-stop"));
            postgres.initdb();
            postgres.startServer();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the PostgreSQL test server", e);
        }
    }

    /**
     * A test JVM killed outright leaves its folder behind (its server, told by the parent-death signal, is gone):
     * remove such folders once they are an hour old and no server runs in them. Younger ones may belong to a test JVM
     * that is still starting its server.
     */
    private static void removeLeftovers() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> folders = Files.list(temp)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith(FOLDER_PREFIX))
                    .toList()) {
                if (!Files.exists(folder.resolve("data/postmaster.pid"))
                        && Files.getLastModifiedTime(folder).toInstant().isBefore(hourAgo)) {
                    deleteRecursively(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not remove every leftover PostgreSQL test folder from {}", temp, e);
        }
    }

    private void initdb() throws IOException {
        Path passwordFile = Files.writeString(home.resolve("password"), password + "\n");
        if (asServerUser) {
            UserPrincipal user = serverUser().orElseThrow();
            Files.setOwner(home, user);
            Files.setOwner(passwordFile, user);
        }
        Path log = home.resolve("initdb.log");
        run(
                log,
                command(
                        false,
                        binaries.resolve("initdb").toString(),
                        "-D",
                        home.resolve("data").toString(),
                        "-U",
                        USER,
                        "--pwfile=" + passwordFile,
                        "--auth=scram-sha-256",
                        "-E",
                        "UTF8",
                        "--no-locale"));
        Files.delete(passwordFile);
    }

    private void startServer() throws IOException {
        Path log = home.resolve("postgres.log");
        for (int attempt = 1; ; attempt++) {
            if (startServerOn(freePort(), log)) {
                return;
            }
            // Another process may have taken the port between our look and the server's bind: try another.
            if (attempt >= 3 || !Files.readString(log).contains("could not bind")) {
                throw new IllegalStateException("the PostgreSQL test server did not start; its log:\n" + tail(log));
            }
        }
    }

    /** Starts the server on {@code port}; false when it died on the way (the port was taken, say). */
    private boolean startServerOn(int port, Path log) throws IOException {
        this.port = port;
        server = launchInOwnThread(
                log,
                command(
                        true,
                        binaries.resolve("postgres").toString(),
                        "-D",
                        home.resolve("data").toString(),
                        "-p",
                        Integer.toString(port),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "unix_socket_directories=" + home,
                        "-c",
                        "fsync=on"));
        Optional<Connection> connected = awaitConnection(log);
        if (connected.isEmpty()) {
            return false;
        }
        admin = connected.get();
        try {
            LOG.info(
                    "PostgreSQL {} test server on 127.0.0.1:{} as {}, data in {}",
                    admin.getMetaData().getDatabaseProductVersion(),
                    port,
                    asServerUser ? SERVER_USER : "the current user",
                    home);
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL test server does not describe itself", e);
        }
        return true;
    }

    /**
     * Stops the server as a crash or a power cut would (immediate: no shutdown checkpoint, so the next start recovers
     * from its write-ahead log), keeping its data, for tests of a store whose server goes away; {@link #startAgain}
     * brings it back on the same port. Every session is ended.
     */
    public synchronized void crash() throws IOException, InterruptedException {
        awaitSpare();
        try {
            admin.close();
        } catch (SQLException e) {
            // stopping anyway
        }
        run(
                home.resolve("pg_ctl.log"),
                command(
                        false,
                        binaries.resolve("pg_ctl").toString(),
                        "stop",
                        "-D",
                        home.resolve("data").toString(),
                        "-m",
                        "immediate",
                        "-w",
                        "-t",
                        "30"));
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    /** The server again, on the same port and with the same data, after {@link #crash}. */
    public synchronized void startAgain() throws IOException {
        Path log = home.resolve("postgres.log");
        if (!startServerOn(port, log)) {
            throw new IllegalStateException(
                    "the PostgreSQL test server did not start again on port " + port + "; its log:\n" + tail(log));
        }
    }

    /** A database being made in the background uses the admin connection: let it finish first. */
    private void awaitSpare() throws InterruptedException {
        if (spare != null) {
            try {
                spare.get();
            } catch (ExecutionException e) {
                spare = null; // made again on the next request
            }
        }
    }

    private Optional<Connection> awaitConnection(Path log) throws IOException {
        AtomicReference<SQLException> last = new AtomicReference<>();
        try {
            return await("the PostgreSQL test server accepting connections")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> connectOrGiveUp(last), Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            server.destroyForcibly();
            throw new IllegalStateException(
                    "the PostgreSQL test server did not accept connections within " + START_TIMEOUT + "; its log:\n"
                            + tail(log),
                    last.get());
        }
    }

    /** A connection; empty when the server has died (no use waiting); null while it is still starting up. */
    private Optional<Connection> connectOrGiveUp(AtomicReference<SQLException> last) {
        if (!server.isAlive()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DriverManager.getConnection(url("postgres")));
        } catch (SQLException e) {
            last.set(e);
            return null;
        }
    }

    /**
     * Stops the server and removes its folder; safe to call more than once. Immediate, without the shutdown checkpoint
     * (open sessions are ended, and the data would need crash recovery, which it never gets): dozens of test databases
     * make that checkpoint long under load, and surefire kills a test JVM that takes more than 30 s to exit.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        creator.shutdownNow();
        try {
            if (admin != null) {
                admin.close();
            }
        } catch (SQLException e) {
            // closing anyway
        }
        try {
            if (server != null && server.isAlive()) {
                run(
                        home.resolve("pg_ctl.log"),
                        command(
                                false,
                                binaries.resolve("pg_ctl").toString(),
                                "stop",
                                "-D",
                                home.resolve("data").toString(),
                                "-m",
                                "immediate",
                                "-w",
                                "-t",
                                "30"));
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
            deleteRecursively(home);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the PostgreSQL test server in {} did not stop cleanly", home, e);
            if (server != null) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    /**
     * The command as the server's user: under root via setpriv, which execs it (so the process we hold is the server
     * itself) and can ask for SIGINT, a fast shutdown, should this JVM die without stopping it.
     */
    private List<String> command(boolean dieWithThisJvm, String... command) {
        List<String> full = new ArrayList<>();
        Optional<Path> setpriv = onPath("setpriv");
        if (setpriv.isPresent()) {
            full.add(setpriv.get().toString());
            if (asServerUser) {
                full.addAll(List.of("--reuid=" + SERVER_USER, "--regid=" + SERVER_USER, "--init-groups"));
            }
            if (dieWithThisJvm) {
                full.addAll(List.of("--pdeathsig", "INT"));
            }
            full.add("--");
        } else if (asServerUser) {
            full.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private ProcessBuilder builder(Path log, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("HOME", home.toString());
        return builder;
    }

    private void run(Path log, List<String> command) throws IOException {
        Process process = builder(log, command).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 2 minutes; its log:\n" + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    command + " failed with exit code " + process.exitValue() + "; its log:\n" + tail(log));
        }
    }

    /**
     * A parent-death signal goes with the thread that started the process, not the JVM: start the server from a thread
     * that lives exactly as long as the server (waiting for it), so that the signal comes when the JVM dies, not when
     * some test thread ends.
     */
    private Process launchInOwnThread(Path log, List<String> command) throws IOException {
        CompletableFuture<Process> launched = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("test-postgres").start(() -> {
            Process process;
            try {
                process = builder(log, command).start();
            } catch (IOException | RuntimeException e) {
                launched.completeExceptionally(e);
                return;
            }
            launched.complete(process);
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            return launched.get();
        } catch (ExecutionException e) {
            throw new IOException("cannot start " + command, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the PostgreSQL test server", e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
