package dev.digitlab.app;

import dev.digitlab.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A stand-in worker for {@link ParentWatchTest}: watches its launcher, then saves a file over and over. */
public final class OrphanWriter {

    private OrphanWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        Path target = Path.of(args[0]);
        for (long i = 0; ; i++) {
            byte[] text = Long.toString(i).getBytes(StandardCharsets.US_ASCII);
            try {
                new AtomicFile().write(target, out -> out.write(text));
            } catch (IOException e) {
                // refused: the launcher is gone
            }
            Thread.sleep(5);
        }
    }
}
