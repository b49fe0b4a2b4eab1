package io.fleetdeck.app.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Why a file or folder could not be made, read or written, in words: Java names the exception ("NoSuchFileException
 * /proc/nope"), a person wants to know what is wrong with which path.
 */
public final class FileProblem {

    private FileProblem() {}

    public static String of(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> noSuchFile(missing.getFile());
            case NotDirectoryException notFolder -> notFolder.getFile() + " is a file, not a folder";
            case FileAlreadyExistsException inTheWay -> inTheWay.getFile() + " is in the way (it is not a folder)";
            case DirectoryNotEmptyException folder -> folder.getFile() + " is a folder in the way";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> {
                String simple = e.getClass().getSimpleName();
                yield e.getMessage() == null ? simple : simple + " " + e.getMessage();
            }
        };
    }

    /** Not there, or, when its folder is, a place that takes no new entries (such as /proc). */
    private static String noSuchFile(@Nullable String file) {
        if (file == null) {
            return "no such file or folder";
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent)
                ? parent + " takes no new files or folders (no such file or folder: " + file + ")"
                : "no such file or folder: " + file;
    }
}
