package io.farmhub.queries;

import java.io.IOException;

/**
 * The reports location (interfaces.md, "Runtime profiles"): the folder {@code ${farmhub.data-dir}/reports}
 * embedded, the blob container {@code reports} on Azure. A report is kept under a slash key such as
 * {@code herd-register/2026-11-27.json}; writing it again replaces it whole.
 */
public interface ReportStore {

    /** Writes the report, replacing any under the same key; returns where it went (a path or a blob URL). */
    String write(String key, byte[] content) throws IOException;

    /** {@code folder /srv/farmhub/reports} or {@code container reports}, for logs. */
    String describe();
}
