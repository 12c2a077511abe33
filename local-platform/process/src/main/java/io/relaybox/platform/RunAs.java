package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The OS user that runs servers which refuse root (PostgreSQL, Elasticsearch). When the launcher itself is not
 * root, that is simply the current user; as root it is {@code $RELAYBOX_RUN_AS}, else {@code postgres}, else a
 * {@code relaybox} system user that is created on first use.
 */
public final class RunAs {

    private static final String ENV_USER = "RELAYBOX_RUN_AS";

    private final Optional<String> user;

    private RunAs(Optional<String> user) {
        this.user = user;
    }

    /** Chooses the user for this machine. */
    public static RunAs detect() {
        if (!isRoot()) {
            return new RunAs(Optional.empty());
        }
        String configured = System.getenv(ENV_USER);
        if (configured != null && !configured.isBlank()) {
            requireUser(configured);
            return new RunAs(Optional.of(configured));
        }
        if (userExists("postgres")) {
            return new RunAs(Optional.of("postgres"));
        }
        run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "relaybox"));
        return new RunAs(Optional.of("relaybox"));
    }

    /** True when the servers run as another user than the launcher. */
    public boolean switchesUser() {
        return user.isPresent();
    }

    public Optional<String> user() {
        return user;
    }

    /** The command, prefixed so that it runs as this user; {@code setpriv} execs in place, so the PID stays the server's. */
    public List<String> wrap(List<String> command) {
        if (user.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + user.get(), "--regid=" + user.get(), "--init-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Creates the directory (mode 700) owned by this user. */
    public void createPrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        giveTo(directory);
    }

    /** Hands the file or directory over to this user. */
    public void giveTo(Path path) throws IOException {
        if (user.isEmpty()) {
            return;
        }
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, lookup.lookupPrincipalByName(user.get()));
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(user.get());
        Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group);
    }

    /**
     * The folder itself when this user can reach it; otherwise its stand-in, see {@link #standIn(Path, String)}. A clone
     * in a private folder (mode 700, as {@code mktemp -d} and root's home make them) is the usual reason: its files stay
     * private, and the servers that run as this user keep theirs where they can reach them.
     */
    public Path reachable(Path folder, String kind) {
        return canReach(folder) ? folder.toAbsolutePath() : standIn(folder, kind);
    }

    /**
     * The stand-in of a folder this user cannot reach: {@code <temporary folder>/relaybox-<kind>-<hash of its path>}, the
     * same for the same folder every time, so a restarted platform finds its data again.
     */
    public static Path standIn(Path folder, String kind) {
        String name = Integer.toHexString(folder.toAbsolutePath().normalize().toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "relaybox-" + kind + "-" + name);
    }

    /** True when this user may walk down to the directory (every ancestor searchable by it). */
    public boolean canReach(Path directory) {
        if (user.isEmpty()) {
            return true;
        }
        for (Path p = directory.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            try {
                if (!Files.exists(p)) {
                    continue;
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
                boolean owned = Files.getOwner(p).getName().equals(user.get());
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE) && !owned) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void requireUser(String name) {
        if (!userExists(name)) {
            throw new PlatformException(ENV_USER + "=" + name + " names no user of this machine");
        }
    }

    private static boolean userExists(String name) {
        return run(List.of("id", "-u", name)) == 0;
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PlatformException(String.join(" ", command) + " did not finish");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new PlatformException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }
}
