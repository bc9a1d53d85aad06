package dev.prharness.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.review.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Linters keep state while they run: one instance never serves two threads at once, and no more are made than allowed. */
class InstancePoolTest {

    @Test
    void noInstanceServesTwoThreadsAtOnceAndNoMoreAreMadeThanTheSize() throws Exception {
        AtomicInteger made = new AtomicInteger();
        InstancePool<Object> pool = new InstancePool<>(3, () -> {
            made.incrementAndGet();
            return new Object();
        });
        Set<Object> inUse = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                done.add(threads.submit(() -> pool.with(instance -> {
                    if (!inUse.add(instance)) {
                        overlaps.incrementAndGet();
                    }
                    Thread.onSpinWait();
                    inUse.remove(instance);
                    return instance;
                })));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertEquals(0, overlaps.get(), "an instance was used by two threads at once");
        assertTrue(made.get() >= 1 && made.get() <= 3, "made " + made.get());
    }

    @Test
    void manyReviewsLintingAtOnceGetWhatOneAtATimeGets() throws Exception {
        List<List<SourceFile>> changes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            changes.add(List.of(new SourceFile("demo/A" + i + ".java", """
                    package demo;

                    class A%d {
                        boolean stop(String command) {
                            return command == "stop%d";
                        }

                        void swallow() {
                            try {
                                Thread.sleep(%d);
                            } catch (InterruptedException e) {
                            }
                        }
                    }
                    """.formatted(i, i, i))));
        }
        List<List<Finding>> expected = new ArrayList<>();
        LintEngine sequential = new LintEngine();
        for (List<SourceFile> change : changes) {
            expected.add(sequential.lint(change, LintRules.defaults()).findings());
        }
        LintEngine shared = new LintEngine(2);
        try (ExecutorService reviews = Executors.newFixedThreadPool(6)) {
            List<Future<List<Finding>>> results = new ArrayList<>();
            for (List<SourceFile> change : changes) {
                results.add(reviews.submit(() -> shared.lint(change, LintRules.defaults()).findings()));
            }
            for (int i = 0; i < changes.size(); i++) {
                assertEquals(expected.get(i), results.get(i).get(), "change " + i);
                assertTrue(expected.get(i).size() >= 3, expected.get(i).toString());
            }
        }
    }
}
