package dev.localdb.junit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.localdb.domain.model.PortNumber;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test classes as a user writes them (no @ExtendWith: the annotation registers the extension),
 * run by LocalDbPortExtensionTest through the JUnit Platform. Each records what it saw.
 */
final class InjectionScenarios {
    private InjectionScenarios() {
    }

    @OnlyAsScenario
    static class EveryKindOfTarget {
        @LocalDbPort
        static int shared;
        @LocalDbPort
        int own;
        @LocalDbPort
        Integer boxed;
        @LocalDbPort
        PortNumber ownAsValue;

        @Test
        void test(@LocalDbPort int first, @LocalDbPort PortNumber second) {
            Observations.record("test", Map.of("static", shared, "field", own, "boxed", boxed,
                    "fieldValue", ownAsValue.value(), "param", first, "paramValue", second.value()));
        }
    }

    /** Also registers the extension explicitly: it must still run once, not twice. */
    @OnlyAsScenario
    @ExtendWith(LocalDbPortExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ReleasedAfterEachAndAfterAll {
        @LocalDbPort
        static int shared;
        @LocalDbPort
        int own;

        @Test
        @Order(1)
        void first(@LocalDbPort int param) {
            Observations.record("first", Map.of("static", shared, "field", own, "param", param));
        }

        @Test
        @Order(2)
        void second(@LocalDbPort int param) {
            Observations.record("second", Map.of("static", shared, "field", own, "param", param));
        }

        /** Runs before the extension's after-all callback: the static port is still held, nothing else. */
        @AfterAll
        static void afterAll() {
            Observations.record("afterAll", Map.of("static", shared));
        }
    }

    /** One instance for both tests: the field still gets a held port before each of them. */
    @OnlyAsScenario
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OneInstanceForAllTests {
        @LocalDbPort
        int own;

        @Test
        @Order(1)
        void first() {
            Observations.record("first", Map.of("field", own));
        }

        @Test
        @Order(2)
        void second() {
            Observations.record("second", Map.of("field", own));
        }
    }

    /** A new instance, so a new constructor port, for each test. */
    @OnlyAsScenario
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ConstructorParameter {
        private final int fromConstructor;

        ConstructorParameter(@LocalDbPort int port) {
            this.fromConstructor = port;
        }

        @Test
        @Order(1)
        void first() {
            Observations.record("first", Map.of("constructor", fromConstructor));
        }

        @Test
        @Order(2)
        void second() {
            Observations.record("second", Map.of("constructor", fromConstructor));
        }
    }

    /** A port for the whole class through a @BeforeAll parameter, and one per test through @BeforeEach. */
    @OnlyAsScenario
    static class LifecycleMethodParameters {
        static int fromBeforeAll;
        int fromBeforeEach;

        @BeforeAll
        static void start(@LocalDbPort int port) {
            fromBeforeAll = port;
        }

        @BeforeEach
        void setUp(@LocalDbPort int port) {
            fromBeforeEach = port;
        }

        @Test
        void test(@LocalDbPort int param) {
            Observations.record("test", Map.of("beforeAll", fromBeforeAll, "beforeEach", fromBeforeEach, "param", param));
        }

        @AfterAll
        static void afterAll() {
            Observations.record("afterAll", Map.of("beforeAll", fromBeforeAll));
        }
    }

    @OnlyAsScenario
    static class FailingTest {
        @LocalDbPort
        int own;

        @Test
        void test(@LocalDbPort int param) {
            Observations.record("test", Map.of("field", own, "param", param));
            fail("the test's own failure");
        }
    }

    @OnlyAsScenario
    static class ChosenRange {
        @Test
        void test(@LocalDbPort(ranges = "20000-20999") int port) {
            Observations.record("test", Map.of("param", port));
        }
    }

    /** 6665-6669 are ports browsers refuse (built-in exclusions); only 6670 is left to hand out. */
    @OnlyAsScenario
    static class RangeOfAvoidedPorts {
        @Test
        void test(@LocalDbPort(ranges = "6665-6670") int port) {
            Observations.record("test", Map.of("param", port));
        }
    }

    /** Run with localdb.portRanges set to a single port: the second parameter finds none. */
    @OnlyAsScenario
    static class TwoPortsFromOne {
        @Test
        void test(@LocalDbPort int first, @LocalDbPort int second) {
            Observations.record("unexpected", Map.of("first", first, "second", second));
        }
    }
}
