package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.LatestOnlyWorker;
import dev.digitlab.ui.shared.LatestOnlyWorkerTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class LatestOnlyWorkerTest {

    /** An executor that runs its tasks only when told: a thread that is busy until then. */
    private static final class Held implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private final Held background = new Held();
    private final Held receiver = new Held();
    private final List<String> worked = new ArrayList<>();
    private final List<String> received = new ArrayList<>();

    private LatestOnlyWorker<String, String> worker(Executor bg, Executor rx) {
        return new LatestOnlyWorker<>(r -> {
            worked.add(r);
            return "read " + r;
        }, (older, newer) -> newer + "(since " + oldest(older) + ")", bg, rx, received::add);
    }

    /** The request a merged request goes back to: "c(since a)" goes back to "a". */
    private static String oldest(String request) {
        int since = request.indexOf("(since ");
        return since < 0 ? request : request.substring(since + 7, request.length() - 1);
    }

    @Test
    void submittingNeverRunsTheWorkOnTheCaller() {
        LatestOnlyWorker<String, String> w = worker(background, receiver);
        w.submit("a");
        assertTrue(worked.isEmpty());
        assertTrue(w.busy());
        background.runAll();
        receiver.runAll();
        assertEquals(List.of("a"), worked);
        assertEquals(List.of("read a"), received);
        assertFalse(w.busy());
    }

    @Test
    void requestsThatArriveWhileOneWaitsAreMergedIntoTheNewest() {
        LatestOnlyWorker<String, String> w = worker(background, receiver);
        w.submit("a");
        w.submit("b");
        w.submit("c");
        w.submit("d");
        assertEquals(1, background.tasks.size(), "one background task however many requests");
        background.runAll();
        receiver.runAll();
        // The thread had not started on "a" yet: all four waited in turn and were merged into the
        // newest, which keeps the oldest's mark (the pen move it is the first to show).
        assertEquals(List.of("d(since a)"), worked);
        assertEquals(List.of("read d(since a)"), received);
    }

    @Test
    void aSlowReceiverGetsOnlyTheNewestResult() {
        LatestOnlyWorker<String, String> w = worker(Runnable::run, receiver);
        w.submit("a");
        w.submit("b");
        w.submit("c");
        assertEquals(List.of("a", "b", "c"), worked, "the background keeps up");
        assertEquals(1, receiver.tasks.size(), "one hand-over queued, not three");
        receiver.runAll();
        assertEquals(List.of("read c"), received);
        w.submit("d");
        receiver.runAll();
        assertEquals(List.of("read c", "read d"), received);
    }

    @Test
    void aRequestDuringTheWorkIsDoneAfterIt() {
        List<String> order = new ArrayList<>();
        LatestOnlyWorker<String, String>[] self = new LatestOnlyWorker[1];
        self[0] = new LatestOnlyWorker<>(r -> {
            order.add(r);
            if (r.equals("a")) {
                self[0].submit("b");
            }
            return r;
        }, (older, newer) -> newer, background, Runnable::run, received::add);
        self[0].submit("a");
        background.runAll();
        assertEquals(List.of("a", "b"), order);
        assertEquals(List.of("a", "b"), received);
    }

    @Test
    void failedWorkDoesNotStopTheWorker() {
        LatestOnlyWorker<String, String> w = new LatestOnlyWorker<>(r -> {
            if (r.equals("bad")) {
                throw new IllegalStateException("boom");
            }
            return r;
        }, (older, newer) -> newer, Runnable::run, Runnable::run, received::add);
        w.submit("bad");
        w.submit("good");
        assertEquals(List.of("good"), received);
        assertFalse(w.busy());
    }
}
