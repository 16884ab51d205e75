package dev.localdb.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The document API under {@code /api/}: {@code collections}, {@code <collection>} (GET, POST) and
 * {@code <collection>/<id>} (GET, PUT, DELETE). Path segments are used raw (still percent-encoded),
 * so anything but the plain name alphabet is rejected before it could reach the file system.
 * Writes are taken from this server's own origin or from tools (no {@code Origin}) only.
 */
final class DocumentsApi {
    private static final System.Logger LOG = System.getLogger(DocumentsApi.class.getName());
    static final String PREFIX = "/api/";
    private final DocumentStore store;

    DocumentsApi(DocumentStore store) {
        this.store = store;
    }

    void handle(HttpExchange exchange, String method, String path) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            SameOriginWrites.require(exchange.getRequestHeaders(), "change documents");
        }
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        if (segments.length == 1 && segments[0].equals(CollectionName.RESERVED)) {
            HttpError.requireMethod(method, path, "GET");
            listCollections(exchange);
        } else if (segments.length == 1 && !segments[0].isEmpty()) {
            CollectionName collection = new CollectionName(segments[0]);
            switch (HttpError.requireMethod(method, path, "GET, POST")) {
                case "GET" -> listDocuments(exchange, collection);
                default -> create(exchange, collection);
            }
        } else if (segments.length == 2 && !segments[0].isEmpty() && !segments[1].isEmpty()) {
            CollectionName collection = new CollectionName(segments[0]);
            DocumentId id = new DocumentId(segments[1]);
            switch (HttpError.requireMethod(method, path, "GET, PUT, DELETE")) {
                case "GET" -> Responses.json(exchange, 200, store.get(collection, id).orElseThrow(() -> missing(collection, id)));
                case "PUT" -> replace(exchange, collection, id);
                default -> delete(exchange, collection, id);
            }
        } else {
            throw HttpError.notFound("No route for " + Text.shorten(path) + ": use /api/collections, /api/<collection> or /api/<collection>/<id>.");
        }
    }

    private void listCollections(HttpExchange exchange) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode collections = body.putArray("collections");
        for (Map.Entry<CollectionName, Integer> entry : store.collections().entrySet()) {
            collections.addObject().put("name", entry.getKey().value()).put("count", entry.getValue());
        }
        Responses.json(exchange, 200, body);
    }

    /**
     * {@code {"documents":[...]}}, streamed one document at a time. A damaged file cannot turn the
     * already-sent 200 into an error, so it is named in {@code "unreadable":[ids]} instead.
     */
    private void listDocuments(HttpExchange exchange, CollectionName collection) throws IOException {
        List<DocumentId> ids = store.documentIds(collection);
        Responses.streamJson(exchange, 200, json -> {
            List<DocumentId> unreadable = new ArrayList<>();
            json.writeStartObject();
            json.writeArrayFieldStart("documents");
            for (DocumentId id : ids) {
                try {
                    Optional<ObjectNode> document = store.get(collection, id); // empty: deleted meanwhile
                    if (document.isPresent()) {
                        json.writeTree(document.get());
                    }
                } catch (StoreException e) {
                    LOG.log(Level.WARNING, e.getMessage());
                    unreadable.add(id);
                }
            }
            json.writeEndArray();
            if (!unreadable.isEmpty()) {
                json.writeArrayFieldStart("unreadable");
                for (DocumentId id : unreadable) {
                    json.writeString(id.value());
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    private void create(HttpExchange exchange, CollectionName collection) throws IOException {
        ObjectNode stored = store.insert(collection, RequestBody.readObject(exchange));
        exchange.getResponseHeaders().set("Location", PREFIX + collection + "/" + stored.get("id").asText());
        Responses.json(exchange, 201, stored);
    }

    private void replace(HttpExchange exchange, CollectionName collection, DocumentId id) throws IOException {
        ObjectNode body = RequestBody.readObject(exchange);
        if (body.has("id") && !body.get("id").asText().equals(id.value())) {
            throw HttpError.badRequest("The body's \"id\" differs from the id in the path (" + id + "): leave \"id\" out or make them equal.");
        }
        Responses.json(exchange, 200, store.replace(collection, id, body).orElseThrow(() -> missing(collection, id)));
    }

    private void delete(HttpExchange exchange, CollectionName collection, DocumentId id) throws IOException {
        if (!store.delete(collection, id)) {
            throw missing(collection, id);
        }
        Responses.noContent(exchange);
    }

    private static HttpError missing(CollectionName collection, DocumentId id) {
        return HttpError.notFound("No document \"" + id + "\" in collection \"" + collection + "\".");
    }
}
