package herd.tls;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileProps;
import io.vertx.core.file.FileSystem;
import java.util.List;

/**
 * Notices when certificate files are replaced or rewritten, so that new connections take them
 * without a restart (security.md, Rotation). The checks are asynchronous: no file is read on the
 * event loop.
 */
public final class FileWatch {

    private final List<String> paths;
    private final int checkSeconds;
    /** The files' modification times and sizes at the last check; owned by the event loop that watches. */
    private List<String> lastSeen;

    public FileWatch(List<String> paths, int checkSeconds) {
        this.paths = List.copyOf(paths);
        this.checkSeconds = checkSeconds;
    }

    /**
     * Checks the files every {@code checkSeconds} and runs {@code changed} when any was replaced or
     * rewritten since the check before.
     *
     * @return the timer, to cancel when the files are no longer used
     */
    public long start(Vertx vertx, Runnable changed) {
        FileSystem files = vertx.fileSystem();
        Runnable check = () -> Future.all(paths.stream().map(files::props).toList())
                .map(all -> all.<FileProps>list().stream()
                        .map(props -> props.lastModifiedTime() + "/" + props.size()).toList())
                .onSuccess(now -> {
                    if (lastSeen != null && !lastSeen.equals(now)) {
                        changed.run();
                    }
                    lastSeen = now;
                });
        check.run();
        return vertx.setPeriodic(checkSeconds * 1000L, t -> check.run());
    }
}
