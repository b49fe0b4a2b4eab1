package io.fleetdeck.api.page;

import io.fleetdeck.api.error.FleetApiException;
import java.util.ArrayList;
import java.util.List;

/** Asks for one page of a list; {@link #readAll} follows the tokens to its end. */
@FunctionalInterface
public interface PageReader<T> {

    Page<T> read(PageRequest request) throws FleetApiException;

    /** Every item of the list, page after page of the largest size. */
    static <T> List<T> readAll(PageReader<T> reader) throws FleetApiException {
        List<T> items = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_RESULTS);
        while (true) {
            Page<T> page = reader.read(request);
            items.addAll(page.items());
            if (page.nextToken() == null) {
                return items;
            }
            request = new PageRequest(PageRequest.MAX_RESULTS, page.nextToken());
        }
    }
}
