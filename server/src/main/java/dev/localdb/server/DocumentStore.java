package dev.localdb.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * JSON documents on disk: {@code <root>/<collection>/<id>.json}, one file per document. Every
 * write is an atomic file replacement, so there is no in-memory state to lose on a crash. Writers
 * to one collection take turns (so "exists?" and "write" cannot interleave); readers need no lock
 * because a rename is atomic.
 */
final class DocumentStore {
    private static final String SUFFIX = ".json";
    private final Path root;
    private final ConcurrentHashMap<CollectionName, ReentrantLock> writeLocks = new ConcurrentHashMap<>();

    private DocumentStore(Path root) {
        this.root = root;
    }

    /**
     * Opens (creating, 0700) {@code dataDir/collections} and removes temp files a crash left. A
     * data or collections folder that is a symbolic link is refused: documents would be written
     * wherever it points (localdb checks the project's folders before it starts a server; this is
     * the server's own guard).
     */
    static DocumentStore open(Path dataDir) throws IOException {
        Path root = dataDir.resolve("collections");
        refuseLink(dataDir);
        refuseLink(root);
        PrivateFiles.createDirectories(root);
        DocumentStore store = new DocumentStore(root);
        for (CollectionName collection : store.collectionNames()) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(store.dir(collection), PrivateFiles::isTempFile)) {
                for (Path stray : files) {
                    Files.deleteIfExists(stray);
                }
            }
        }
        return store;
    }

    private static void refuseLink(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(dir + " is a symbolic link, which localdb refuses to follow; replace it with a real directory");
        }
    }

    /** Collection name → number of documents, in name order. */
    TreeMap<CollectionName, Integer> collections() throws IOException {
        TreeMap<CollectionName, Integer> counts = new TreeMap<>();
        for (CollectionName collection : collectionNames()) {
            counts.put(collection, documentIds(collection).size());
        }
        return counts;
    }

    /**
     * The document, or empty if there is none.
     *
     * @throws StoreException if the file holds something other than a JSON object
     */
    Optional<ObjectNode> get(CollectionName collection, DocumentId id) throws IOException {
        Path file = file(collection, id);
        byte[] raw;
        try {
            raw = PrivateFiles.read(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node instanceof ObjectNode document) {
                return Optional.of(document);
            }
        } catch (JsonProcessingException e) {
            // reported below, naming the file so the user can repair or delete it
        }
        throw new StoreException("Stored document " + collection + "/" + id + " is not a JSON object: fix or delete " + file + ".", null);
    }

    /** Stores a new document under a fresh id; any "id" in the body is replaced by that id. */
    ObjectNode insert(CollectionName collection, ObjectNode body) throws IOException {
        ReentrantLock lock = lockFor(collection);
        lock.lock();
        try {
            PrivateFiles.createDirectories(dir(collection));
            DocumentId id = DocumentId.random();
            while (Files.exists(file(collection, id))) {
                id = DocumentId.random();
            }
            return write(collection, id, body);
        } finally {
            lock.unlock();
        }
    }

    /** Replaces an existing document; empty if there is none with that id. */
    Optional<ObjectNode> replace(CollectionName collection, DocumentId id, ObjectNode body) throws IOException {
        ReentrantLock lock = lockFor(collection);
        lock.lock();
        try {
            if (!Files.exists(file(collection, id))) {
                return Optional.empty();
            }
            return Optional.of(write(collection, id, body));
        } finally {
            lock.unlock();
        }
    }

    boolean delete(CollectionName collection, DocumentId id) throws IOException {
        ReentrantLock lock = lockFor(collection);
        lock.lock();
        try {
            Path file = file(collection, id);
            if (!Files.exists(file)) {
                return false;
            }
            PrivateFiles.delete(file);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode write(CollectionName collection, DocumentId id, ObjectNode body) throws IOException {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("id", id.value());
        body.remove("id");
        document.setAll(body);
        byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        PrivateFiles.replace(file(collection, id), bytes);
        return document;
    }

    private List<CollectionName> collectionNames() throws IOException {
        List<CollectionName> names = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (CollectionName.isValid(name)) {
                    names.add(new CollectionName(name));
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** The ids in the collection, in order; empty for a collection nobody wrote to yet. */
    List<DocumentId> documentIds(CollectionName collection) throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir(collection), "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - SUFFIX.length());
                if (CollectionName.VALID.matcher(id).matches()) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of(); // a collection nobody wrote to yet is simply empty
        }
        ids.sort(null);
        return ids.stream().map(DocumentId::new).toList();
    }

    private ReentrantLock lockFor(CollectionName collection) {
        return writeLocks.computeIfAbsent(collection, c -> new ReentrantLock());
    }

    private Path dir(CollectionName collection) {
        return root.resolve(collection.value());
    }

    private Path file(CollectionName collection, DocumentId id) {
        return dir(collection).resolve(id.value() + SUFFIX);
    }
}
