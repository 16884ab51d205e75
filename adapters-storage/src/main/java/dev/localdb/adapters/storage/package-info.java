/**
 * The storage adapter: localdb's files in its home ({@link dev.localdb.adapters.storage.LocalDbHome}
 * names them), behind the domain's ports.
 *
 * <h2>The registry, read and written without Jackson's data binding</h2>
 * Every CLI command and every test JVM reads {@code runtime/registry.json}, most write it, and a
 * short-lived process would spend much of its life starting Jackson's data binding, so the file is
 * handled with Jackson's streaming API in six small classes, one job each:
 * <ol>
 *   <li>{@link dev.localdb.adapters.storage.RegistryFileReader}: the bytes, without following a
 *       link and refusing a file too large to be a registry;</li>
 *   <li>{@link dev.localdb.adapters.storage.RegistrySyntax}: the first pass, which checks the whole
 *       document as a tree reader would (invalid text, duplicate keys, depth, trailing content) and
 *       finds the schema version, so a newer file is recognised even where it cannot be mapped;</li>
 *   <li>{@link dev.localdb.adapters.storage.RegistryDocumentReader}: the second pass, strictly onto
 *       the file's records, naming a wrongly typed value by its
 *       {@link dev.localdb.adapters.storage.FieldPath} (spelled out only for a message);</li>
 *   <li>{@link dev.localdb.adapters.storage.RegistryJson}: the file's shape (schemas 1 and 2) and
 *       its writer;</li>
 *   <li>{@link dev.localdb.adapters.storage.RegistryParser}: the records into domain values, every
 *       rule checked again, so damage is never taken as data;</li>
 *   <li>{@link dev.localdb.adapters.storage.UtcTimes}: the times, as {@code Instant} prints and
 *       parses them, without a formatter per call.</li>
 * </ol>
 * {@link dev.localdb.adapters.storage.JsonFileRegistryStore} runs them under
 * {@link dev.localdb.adapters.storage.RegistryLock} and writes through
 * {@link dev.localdb.adapters.storage.RegistryWrites} (the durable replace of the {@code files}
 * module). A process that changes the registry again and again (a test JVM, the proxy, the server)
 * keeps two things between changes: {@link dev.localdb.adapters.storage.LastKnownRegistry}, the
 * file's bytes as it last read or wrote them with their meaning, so an unchanged file (compared
 * byte for byte under the lock) is not parsed again, and
 * {@link dev.localdb.adapters.storage.RegistryEncoder}, which encodes only the entries that
 * changed and writes exactly the bytes of {@code RegistryJson.encode}. A damaged file is set aside by {@link dev.localdb.adapters.storage.DamagedRegistry} and
 * rebuilt from {@link dev.localdb.adapters.storage.RunningServerFiles}. docs/REGISTRY_FORMAT.md is
 * the format; docs/BENCHMARKS.md has the figures that keep the streaming reader.
 */
package dev.localdb.adapters.storage;
