package dev.digitlab.ui.shell;

import java.util.List;

/**
 * Where the window opens: the place and size saved last time, made to fit the screens there are
 * now. A second monitor unplugged since, or a hand-edited settings file, must never put the
 * window off-screen or make it larger than any screen. Plain numbers, so it is tested without a
 * screen.
 */
final class WindowPlacement {

    /** A rectangle in screen coordinates; {@code x} and {@code y} are NaN when the system should place it. */
    record Box(double x, double y, double width, double height) {
    }

    private WindowPlacement() {
    }

    /**
     * The saved window fitted to {@code screens} (their visible bounds, the primary first): kept
     * on the screen it overlaps most, else placed by the system on the primary screen; never larger
     * than that screen, never smaller than {@code minWidth} x {@code minHeight} (or the screen).
     */
    static Box fit(Box saved, List<Box> screens, double minWidth, double minHeight) {
        if (screens.isEmpty()) {
            return saved;
        }
        boolean placed = Double.isFinite(saved.x()) && Double.isFinite(saved.y());
        Box screen = placed ? mostOverlapped(saved, screens) : null;
        Box target = screen != null ? screen : screens.get(0);
        double width = clamp(saved.width(), Math.min(minWidth, target.width()), target.width());
        double height = clamp(saved.height(), Math.min(minHeight, target.height()), target.height());
        if (screen == null) {
            return new Box(Double.NaN, Double.NaN, width, height);
        }
        double x = clamp(saved.x(), screen.x(), screen.x() + screen.width() - width);
        double y = clamp(saved.y(), screen.y(), screen.y() + screen.height() - height);
        return new Box(x, y, width, height);
    }

    /** The screen the window overlaps most, or null when it is on none of them. */
    private static Box mostOverlapped(Box window, List<Box> screens) {
        Box best = null;
        double bestArea = 0;
        for (Box s : screens) {
            double w = Math.min(window.x() + window.width(), s.x() + s.width()) - Math.max(window.x(), s.x());
            double h = Math.min(window.y() + window.height(), s.y() + s.height()) - Math.max(window.y(), s.y());
            double area = w > 0 && h > 0 ? w * h : 0;
            if (area > bestArea) {
                best = s;
                bestArea = area;
            }
        }
        return best;
    }

    private static double clamp(double value, double min, double max) {
        if (!Double.isFinite(value)) {
            return max;
        }
        return Math.max(min, Math.min(value, max));
    }
}
