package dev.greenlight.server.evidence;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.greenlight.server.platform.UploadEndpoint;

/** Evidence uploads may be as large as {@code GREENLIGHT_EVIDENCE_MAX_BYTES}, plus room for multipart framing. */
@Component
class EvidenceUploadEndpoint implements UploadEndpoint {
    static final long MULTIPART_FRAMING_BYTES = 1024 * 1024;
    private static final Pattern PATH = Pattern.compile("/api/v1/projects/[^/]+/releases/[^/]+/evidence/?");

    private final long maxBodyBytes;

    EvidenceUploadEndpoint(EvidenceProperties properties) {
        this.maxBodyBytes = properties.maxBytes().toBytes() + MULTIPART_FRAMING_BYTES;
    }

    @Override
    public boolean handles(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    public long maxBodyBytes() {
        return maxBodyBytes;
    }
}
