package io.marquee.plugins.infrastructure;

import io.marquee.plugin.api.PluginApi;
import java.nio.file.Path;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * PF4J set up for the platform: plugins are jars in one folder; each gets its own class loader
 * whose parent is the platform's, asked first (application, plugin, dependencies) so plugin-api and
 * PF4J classes are the platform's own and a plugin cannot shadow them. The platform's version is
 * plugin-api's, so a plugin requiring another range is refused.
 */
public final class PluginManagers {
  private PluginManagers() {}

  public static PluginManager manager(Path folder) {
    DefaultPluginManager m =
        new DefaultPluginManager(folder) {
          @Override
          protected org.pf4j.PluginLoader createPluginLoader() {
            return new CompoundPluginLoader().add(new ParentFirstJarLoader(this));
          }
        };
    m.setSystemVersion(PluginApi.VERSION);
    m.setExactVersionAllowed(false);
    return m;
  }

  private static final class ParentFirstJarLoader extends JarPluginLoader {
    ParentFirstJarLoader(PluginManager manager) {
      super(manager);
    }

    @Override
    public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
      PluginClassLoader loader =
          new PluginClassLoader(
              pluginManager,
              descriptor,
              PluginManagers.class.getClassLoader(),
              ClassLoadingStrategy.APD);
      loader.addFile(pluginPath.toFile());
      return loader;
    }
  }
}
