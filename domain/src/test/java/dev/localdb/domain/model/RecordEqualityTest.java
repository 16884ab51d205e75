package dev.localdb.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records that write out equals and hashCode (see package-info.java) keep the meaning of the
 * generated ones: built twice from equal parts they are equal with equal hash codes, and changing
 * any single component makes them unequal.
 */
class RecordEqualityTest {
    private static final Instant AT = Instant.parse("2025-01-01T10:00:00Z");
    private static final ProcessIdentity OWNER = new ProcessIdentity(4242, 7, "boot-1");

    static Stream<Arguments> records() {
        return Stream.of(
                cases("PortNumber", () -> PortNumber.of(3000), List.of(PortNumber.of(3001))),
                cases("ProjectName", () -> ProjectName.of(new String("web")), List.of(ProjectName.of("web2"))),
                cases("PortName", () -> PortName.of(new String("api")), List.of(PortName.of("apj"))),
                cases("ProcessIdentity", () -> new ProcessIdentity(4242, 7, new String("boot-1")), List.of(
                        new ProcessIdentity(4243, 7, "boot-1"),
                        new ProcessIdentity(4242, 8, "boot-1"),
                        new ProcessIdentity(4242, 7, "boot-2"))),
                cases("Allocation", RecordEqualityTest::allocation, List.of(
                        new Allocation(ProjectName.of("other"), PortNumber.of(3000), AllocationState.HELD, Optional.of(OWNER), AT, api(3001)),
                        new Allocation(ProjectName.of("web"), PortNumber.of(3002), AllocationState.HELD, Optional.of(OWNER), AT, api(3001)),
                        new Allocation(ProjectName.of("web"), PortNumber.of(3000), AllocationState.RELEASED, Optional.empty(), AT, api(3001)),
                        new Allocation(ProjectName.of("web"), PortNumber.of(3000), AllocationState.HELD, Optional.empty(), AT, api(3001)),
                        new Allocation(ProjectName.of("web"), PortNumber.of(3000), AllocationState.HELD, Optional.of(OWNER), AT.plusMillis(1), api(3001)),
                        new Allocation(ProjectName.of("web"), PortNumber.of(3000), AllocationState.HELD, Optional.of(OWNER), AT, api(3003)))),
                cases("Registry", () -> new Registry(Map.of(ProjectName.of("web"), allocation()), Optional.of(AT)), List.of(
                        new Registry(Map.of(ProjectName.of("web"), allocation().released()), Optional.of(AT)),
                        new Registry(Map.of(ProjectName.of("web"), allocation()), Optional.empty()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void equalPartsMakeEqualValuesAndEveryComponentCounts(String record, Supplier<Object> build, List<Object> eachOneComponentChanged) {
        Object one = build.get();
        Object same = build.get();
        assertThat(same).isNotSameAs(one);
        assertThat(same).isEqualTo(one);
        assertThat(same.hashCode()).isEqualTo(one.hashCode());
        assertThat(one).isNotEqualTo(null).isNotEqualTo("not a " + record);
        for (Object changed : eachOneComponentChanged) {
            assertThat(changed).as("%s differing in one component", record).isNotEqualTo(one);
            assertThat(one).as("%s differing in one component", record).isNotEqualTo(changed);
        }
    }

    private static Arguments cases(String record, Supplier<Object> build, List<Object> eachOneComponentChanged) {
        return Arguments.of(record, build, eachOneComponentChanged);
    }

    private static Allocation allocation() {
        return new Allocation(ProjectName.of("web"), PortNumber.of(3000), AllocationState.HELD,
                Optional.of(new ProcessIdentity(4242, 7, new String("boot-1"))), Instant.parse("2025-01-01T10:00:00Z"), api(3001));
    }

    private static Map<PortName, PortNumber> api(int port) {
        return Map.of(PortName.of("api"), PortNumber.of(port));
    }
}
