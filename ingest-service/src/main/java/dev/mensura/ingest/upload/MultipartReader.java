package dev.mensura.ingest.upload;

import dev.mensura.privacykit.destruction.SecureDestruction;
import dev.mensura.problem.ProblemException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses a multipart/form-data body entirely in memory with Netty's decoder (memory-only data
 * factory: nothing is spooled to disk, unlike the framework's multipart support, which writes
 * file parts to a temporary directory before the metadata could be stripped).
 *
 * <p>The body is read in chunks and counted; past the limit the rest is drained and discarded
 * so the client still receives the 413 problem instead of a reset connection.
 */
public final class MultipartReader {
    private static final int CHUNK = 64 * 1024;

    private final long maxRequestBytes;
    private final Set<String> fileParts;
    private final Set<String> fieldParts;

    public MultipartReader(long maxRequestBytes, Set<String> fileParts, Set<String> fieldParts) {
        this.maxRequestBytes = maxRequestBytes;
        this.fileParts = fileParts;
        this.fieldParts = fieldParts;
    }

    public MultipartUpload read(String contentType, InputStream body) throws IOException {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        DefaultHttpDataFactory factory = new DefaultHttpDataFactory(false);
        factory.setMaxLimit(maxRequestBytes);
        HttpPostMultipartRequestDecoder decoder;
        try {
            decoder = new HttpPostMultipartRequestDecoder(factory, request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw malformed();
        }
        byte[] chunk = new byte[CHUNK];
        try {
            long total = 0;
            int n;
            while ((n = body.read(chunk)) != -1) {
                total += n;
                if (total > maxRequestBytes) {
                    BodyDrain.drain(body, Long.MAX_VALUE);
                    throw new ProblemException("request-too-large", "Request too large", 413,
                            "The upload exceeds " + maxRequestBytes + " bytes; nothing was stored.");
                }
                offer(decoder, Unpooled.copiedBuffer(chunk, 0, n));
            }
            offer(decoder, null);
            return collect(decoder);
        } finally {
            SecureDestruction.zero(chunk);
            zeroAndDestroy(decoder);
        }
    }

    private static void offer(HttpPostMultipartRequestDecoder decoder, ByteBuf data) {
        try {
            decoder.offer(data == null ? LastHttpContent.EMPTY_LAST_CONTENT : new DefaultHttpContent(data));
        } catch (RuntimeException e) {
            throw malformed();
        } finally {
            if (data != null) {
                data.setZero(0, data.capacity());
                data.release();
            }
        }
    }

    private MultipartUpload collect(HttpPostMultipartRequestDecoder decoder) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
            String name = data.getName();
            if (data instanceof FileUpload file && fileParts.contains(name) && !files.containsKey(name)) {
                files.put(name, file.get());
            } else if (data instanceof Attribute attribute && fieldParts.contains(name) && !fields.containsKey(name)) {
                fields.put(name, attribute.getValue().trim());
            } else if (data instanceof Attribute attribute && fileParts.contains(name) && !files.containsKey(name)) {
                // A photo sent without a filename arrives as a plain field; accept its bytes all the same.
                files.put(name, attribute.get());
            }
        }
        return new MultipartUpload(files, fields);
    }

    /** Zeroes the decoder's in-memory parts before releasing them. */
    private static void zeroAndDestroy(HttpPostMultipartRequestDecoder decoder) {
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof io.netty.handler.codec.http.multipart.HttpData http && http.isInMemory()) {
                    ByteBuf buf = http.getByteBuf();
                    if (buf != null && buf.refCnt() > 0) {
                        buf.setZero(0, buf.capacity());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: the decoder is destroyed below either way.
        }
        decoder.destroy();
    }

    private static ProblemException malformed() {
        return new ProblemException("malformed-multipart", "Malformed multipart body", 400,
                "The body is not valid multipart/form-data; nothing was stored.");
    }
}
