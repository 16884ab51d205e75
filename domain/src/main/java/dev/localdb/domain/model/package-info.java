/**
 * The values localdb reasons about: projects, ports, allocations and the registry snapshot.
 *
 * <p>The records that every CLI run compares or hashes ({@link dev.localdb.domain.model.PortNumber},
 * {@link dev.localdb.domain.model.ProjectName}, {@link dev.localdb.domain.model.PortName},
 * {@link dev.localdb.domain.model.ProcessIdentity}, {@link dev.localdb.domain.model.Allocation},
 * {@link dev.localdb.domain.model.Registry}) write out {@code equals} and {@code hashCode}. A
 * record's generated ones are linked at run time through {@code java.lang.runtime.ObjectMethods},
 * which spins method-handle classes that JDK 17's class-data-sharing archive cannot keep; that cost
 * every short-lived CLI process tens of milliseconds (docs/BENCHMARKS.md, "one-shot"). The meaning
 * is the generated one: equal when every component is equal, which {@code RecordEqualityTest}
 * checks component by component.
 */
package dev.localdb.domain.model;
