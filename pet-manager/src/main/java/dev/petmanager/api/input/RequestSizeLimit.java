package dev.petmanager.api.input;

import dev.petmanager.api.problem.ApiProblem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Rejects request bodies over {@code pet-manager.max-request-body} with a 413 problem+json. Declared lengths are
 * checked before any byte is read, by {@link dev.petmanager.api.problem.HttpLayerProblems}; chunked bodies are counted here while they are read.
 * The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) is set higher as a last resort.
 */
@Provider
public class RequestSizeLimit implements ReaderInterceptor {

    private final long maxBytes;

    public RequestSizeLimit(@ConfigProperty(name = "pet-manager.max-request-body", defaultValue = "65536") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new CountingStream(context.getInputStream()));
        return context.proceed();
    }

    private ApiProblem tooLarge() {
        return ApiProblem.payloadTooLarge("the request body is larger than " + maxBytes + " bytes");
    }

    private final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
