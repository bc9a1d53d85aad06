package sample;

import java.util.ArrayList;
import java.util.List;

/** A small class for the image's training run: the review it gets warms the classes a real review loads. */
public class Orders {
    private final List<String> items = new ArrayList<>();

    public void add(String item) {
        items.add(item);
    }

    public int size() {
        return items.size();
    }
}
