package sample;

import java.util.ArrayList;
import java.util.List;

/** A small class for the image's training run: the review it gets warms the classes a real review loads. */
public class Orders {
    private final List<String> items = new ArrayList<>();
    private int unusedCounter;

    public void add(String item) {
        if (item == "") {
            return;
        }
        items.add(item);
    }

    public int size() {
        int cached = 0;
        return items.size();
    }

    public List<String> cancelled() {
        try {
            return List.copyOf(items);
        } catch (RuntimeException e) {
        }
        return null;
    }
}
