package io.lambdagateway.gateway.http.api;

import io.lambdagateway.gateway.http.ServiceError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One page of a List* operation ({@code MaxItems} / {@code Marker} in, {@code NextMarker} out). The
 * marker is opaque to callers, as AWS's: base64 of the position of the page's first item, so that
 * paging needs no state in the gateway.
 *
 * @param items this page's items, in the list's order
 * @param nextMarker the marker of the next page; empty on the last page
 */
public record ListPage<T>(List<T> items, Optional<String> nextMarker) {

  private static final String MARKER_PREFIX = "lambda-gateway:";

  /**
   * The page of {@code all} that {@code marker} and {@code maxItems} select.
   *
   * @param marker the {@code Marker} parameter, or null for the first page
   * @param maxItems the {@code MaxItems} parameter, or null for {@code limit}
   * @param limit the model's largest {@code MaxItems} for this operation
   * @throws ServiceError ValidationException for a {@code MaxItems} out of {@code [1, limit]},
   *     InvalidParameterValueException for a marker this gateway did not hand out
   */
  public static <T> ListPage<T> of(List<T> all, String marker, String maxItems, int limit) {
    int size = maxItems == null ? limit : maxItems(maxItems, limit);
    int from = marker == null ? 0 : position(marker, all.size());
    int to = (int) Math.min((long) from + size, all.size());
    Optional<String> next = to < all.size() ? Optional.of(markerOf(to)) : Optional.empty();
    return new ListPage<>(List.copyOf(all.subList(from, to)), next);
  }

  private static int maxItems(String value, int limit) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException notANumber) {
      throw ServiceError.validation(maxItemsViolation(value, "Member must be a number"));
    }
    if (n < 1) {
      throw ServiceError.validation(
          maxItemsViolation(value, "Member must have value greater than or equal to 1"));
    }
    if (n > limit) {
      throw ServiceError.validation(
          maxItemsViolation(value, "Member must have value less than or equal to " + limit));
    }
    return n;
  }

  private static String maxItemsViolation(String value, String constraint) {
    return "1 validation error detected: Value '"
        + value
        + "' at 'maxItems' failed to satisfy constraint: "
        + constraint;
  }

  private static String markerOf(int position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((MARKER_PREFIX + position).getBytes(StandardCharsets.UTF_8));
  }

  private static int position(String marker, int size) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
      if (text.startsWith(MARKER_PREFIX)) {
        int position = Integer.parseInt(text.substring(MARKER_PREFIX.length()));
        if (position >= 0) {
          // functions deleted since the marker was handed out shorten the list
          return Math.min(position, size);
        }
      }
    } catch (IllegalArgumentException notOurs) {
      // falls through to the refusal (NumberFormatException is an IllegalArgumentException)
    }
    throw ServiceError.invalidParameter("Invalid marker: " + marker);
  }
}
