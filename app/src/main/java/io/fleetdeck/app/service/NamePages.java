package io.fleetdeck.app.service;

import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pages of a list ordered by name. The token is the last name of the page, so a thing created meanwhile is found on a
 * later page, not twice, and one deleted meanwhile does not shift the rest.
 */
final class NamePages {

    private NamePages() {}

    /** The page of {@code names} (any order) that {@code request} asks for, each name read as an item. */
    static <T> Page<T> of(Collection<String> names, PageRequest request, Function<String, Optional<T>> item)
            throws InvalidRequestException {
        String after = request.nextToken() == null ? "" : nameIn(request.nextToken());
        List<String> wanted = names.stream()
                .filter(name -> name.compareTo(after) > 0)
                .sorted()
                .limit(request.maxResults() + 1L)
                .toList();
        List<String> onThisPage = wanted.subList(0, Math.min(wanted.size(), request.maxResults()));
        List<T> items = new ArrayList<>(onThisPage.size());
        onThisPage.forEach(name -> item.apply(name).ifPresent(items::add));
        return wanted.size() > request.maxResults()
                ? new Page<>(items, tokenAfter(onThisPage.getLast()))
                : Page.last(items);
    }

    private static String tokenAfter(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String nameIn(String token) throws InvalidRequestException {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the nextToken " + token + " is not one this service gave");
        }
    }
}
