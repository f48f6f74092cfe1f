package org.namdrunner.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.ListenerList;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfileRegistry;
import org.namdrunner.core.store.ClusterProfileStore;
import org.namdrunner.core.store.StoreException;

/**
 * The cluster profiles a person can use: the built-in ones (from the {@code clusterProfiles} extension point)
 * with the person's stored edits on top, plus the profiles they added. Reads are in memory and safe on any
 * thread; {@link #reload}, {@link #save} and {@link #remove} touch the database and belong in a background job.
 */
public final class Profiles implements ClusterProfileRegistry {

    private final Map<String, ClusterProfile> builtIn = new LinkedHashMap<>();
    private final ClusterProfileStore store;
    private final ListenerList<Runnable> listeners = new ListenerList<>();
    private volatile Map<String, ClusterProfile> merged;
    private volatile Map<String, ClusterProfile> stored = Map.of();

    /** @param store where edited profiles are kept, or null when the store is not available (then nothing can be saved) */
    public Profiles(List<ClusterProfile> builtInProfiles, ClusterProfileStore store) {
        builtInProfiles.forEach(p -> builtIn.put(p.id(), p));
        this.store = store;
        this.merged = Map.copyOf(builtIn);
        merge();
    }

    /** Re-reads the stored profiles. */
    public void reload() throws StoreException {
        if (store == null) {
            return;
        }
        Map<String, ClusterProfile> s = new LinkedHashMap<>();
        store.loadProfiles().forEach(p -> s.put(p.id(), p));
        stored = s;
        merge();
    }

    private void merge() {
        Map<String, ClusterProfile> m = new LinkedHashMap<>(builtIn);
        m.putAll(stored);
        merged = m;
        for (Runnable l : listeners) {
            l.run();
        }
    }

    /** Whether edits can be saved; false when no profile store service is running. */
    public boolean canSave() {
        return store != null;
    }

    public void save(ClusterProfile profile) throws StoreException {
        requireStore().saveProfile(profile);
        reload();
    }

    /** Removes a person's profile, or their edits of a built-in one (which then comes back as shipped). */
    public void remove(String id) throws StoreException {
        requireStore().deleteProfile(id);
        reload();
    }

    private ClusterProfileStore requireStore() throws StoreException {
        if (store == null) {
            throw new StoreException("Cluster profiles cannot be saved: the profile store is not running. See the Error Log.");
        }
        return store;
    }

    /** The built-in profile as it shipped, without the person's changes. */
    public Optional<ClusterProfile> builtIn(String id) {
        return Optional.ofNullable(builtIn.get(id));
    }

    public boolean isBuiltIn(String id) {
        return builtIn.containsKey(id);
    }

    /** Whether the person changed a built-in profile. */
    public boolean isEdited(String id) {
        return builtIn.containsKey(id) && stored.containsKey(id);
    }

    /** The name to show for a profile id, the id itself when the profile is gone. */
    public String displayName(String id) {
        ClusterProfile p = merged.get(id);
        return p == null ? id : p.name();
    }

    /** Called (on the thread that changed them) whenever the profiles change. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public List<ClusterProfile> all() {
        return new ArrayList<>(merged.values());
    }

    @Override
    public Optional<ClusterProfile> find(String id) {
        return Optional.ofNullable(merged.get(id));
    }
}
