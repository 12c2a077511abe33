package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A read-only folder (a server's distribution) where the user that runs the server can read it: the folder itself when
 * that user can reach it, otherwise a copy in its stand-in folder ({@link RunAs#standIn}), owned by that user and
 * private to it (mode 700 at the top). The copy is made once and made again only when the original changed (another
 * build): a stamp of the original's path, file count, bytes and newest modification time says which.
 */
final class ReadableCopy {

    private static final String STAMP = ".relaybox-copy-of";

    private ReadableCopy() {
    }

    /**
     * @param copy where the copy goes when the server's user cannot reach the original (a stand-in folder)
     * @return the original when that user can reach it, else the copy, made or made again when missing or outdated
     */
    static Path of(Path original, Path copy, RunAs runAs) {
        if (runAs.canReach(original.resolve("bin"))) {
            return original.toAbsolutePath();
        }
        try {
            Path source = original.toRealPath();
            String stamp = stamp(source);
            if (Files.exists(copy.resolve(STAMP)) && Files.readString(copy.resolve(STAMP)).equals(stamp)) {
                return copy;
            }
            Path partial = copy.resolveSibling(copy.getFileName() + ".partial-" + ProcessHandle.current().pid());
            Folders.deleteRecursively(partial);
            copyTree(source, partial, runAs);
            Files.writeString(partial.resolve(STAMP), stamp);
            runAs.giveTo(partial.resolve(STAMP));
            Folders.deleteRecursively(copy);
            try {
                Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // another launcher made the same copy at the same time: use theirs
                Folders.deleteRecursively(partial);
            }
            return copy;
        } catch (IOException e) {
            throw new PlatformException(runAs.user().orElse("the server's user") + " cannot reach " + original + ", and copying it to "
                    + copy + " failed: " + e.getMessage() + " (or set RELAYBOX_RUN_AS to a user who can reach it)", e);
        }
    }

    private static void copyTree(Path source, Path target, RunAs runAs) throws IOException {
        runAs.createPrivateDirectory(target);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            if (path.equals(source)) {
                continue;
            }
            Path destination = target.resolve(source.relativize(path).toString());
            Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            if (!Files.isSymbolicLink(destination)) {
                // a link's owner does not matter, and handing one over would hand over its target
                runAs.giveTo(destination);
            }
        }
    }

    private static String stamp(Path source) throws IOException {
        long files = 0;
        long bytes = 0;
        long newest = 0;
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    files++;
                    bytes += Files.size(path);
                    newest = Math.max(newest, Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis());
                }
            }
        }
        return source + " files=" + files + " bytes=" + bytes + " newest=" + newest + "\n";
    }
}
