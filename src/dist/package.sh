#!/usr/bin/env bash
# Makes target/DigitLab (an app image with its own Java runtime) and, where dpkg-deb and fakeroot
# exist, target/digitlab_<version>_amd64.deb. Run by `./mvnw -Pdist package` (the dist profile in
# pom.xml), after the jar and its dependencies are in target/. Environment from the pom:
#   JDK      the JDK whose jdeps, jlink and jpackage to use
#   VERSION  the app version;  MAIN  the main class;  BASEDIR  the project;  TARGET  its target/
#   DEB      "false" to make only the app image
set -euo pipefail

: "${JDK:?}" "${VERSION:?}" "${MAIN:?}" "${BASEDIR:?}" "${TARGET:?}"
work="$TARGET/dist"
libs="$work/libs"              # every runtime dependency, copied there by the pom
input="$work/input"            # what goes into the image's lib/app: the class path and the natives
runtime="$work/runtime"
image="$TARGET/DigitLab"
say() { printf '[dist] %s\n' "$*"; }

rm -rf "$input" "$runtime" "$image" "$work/unpacked" "$TARGET"/digitlab_*.deb
mkdir -p "$input/native" "$work/unpacked"

# 1. The class path: the app's jar and the plain Java jars. JavaFX goes into the runtime (step 3),
#    and the jars of native code (classifier linux-x86_64) are unpacked instead (step 2).
cp "$TARGET/digitlab-$VERSION.jar" "$input/"
for jar in "$libs"/*.jar; do
  case "$(basename "$jar")" in
    javafx-*|*-linux-x86_64.jar) ;;
    *) cp "$jar" "$input/" ;;
  esac
done

# 2. ND4J's natives, unpacked once into the image (lib/app/native) and loaded from there
#    (java.library.path, org.bytedeco.javacpp.pathsFirst) instead of each user's first start
#    unpacking ~400 MB of them into ~/.javacpp/cache. Kept: the shared libraries the app loads.
#    Left out: C headers, cmake and pkg-config files, GraalVM native-image configs.
for jar in "$libs"/*-linux-x86_64.jar; do
  (cd "$work/unpacked" && "$JDK/bin/jar" xf "$jar")
done
find "$work/unpacked" -path '*/linux-x86_64/*' -name 'lib*.so*' -type f -exec mv {} "$input/native/" \;
# libnd4jcpu.so comes with its symbol table (23 MB); the dynamic symbols, all that loading and
# JNI need, stay.
if command -v strip >/dev/null 2>&1; then
  strip --strip-unneeded "$input/native/libnd4jcpu.so"
else
  say "no strip (binutils): libnd4jcpu.so keeps its symbol table"
fi
# OpenBLAS's no-LAPACK binding asks for libopenblas_nolapack.so.0, which is libopenblas.so.0
# under another name (JavaCPP copies it so when it unpacks). Pointed at libopenblas.so.0 it
# needs no second 31 MB copy in the image. Without patchelf a link does it, but jpackage copies
# links as files, so the .deb then carries the copy.
nolapack_link=false
if command -v patchelf >/dev/null 2>&1; then
  patchelf --replace-needed libopenblas_nolapack.so.0 libopenblas.so.0 "$input/native/libjniopenblas_nolapack.so"
else
  say "no patchelf: libopenblas_nolapack.so.0 is a link to libopenblas.so.0 (apt-get install patchelf)"
  nolapack_link=true
fi

# 3. The runtime: the JDK modules jdeps finds in the shaded jar (ND4J's jars are not modular, and
#    one carries a module-info jdeps cannot read, so they are scanned as plain class path), plus
#    those loaded as services or by locale that jdeps cannot see (TLS for the MNIST download,
#    Chinese number and date formats), plus JavaFX's modules from its modular jars, whose native
#    libraries go into the runtime's lib/ as in JavaFX's own jmods.
say "jdeps"
modules=$("$JDK/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps -q \
  "$TARGET/digitlab.jar")
modules="$modules,jdk.crypto.ec,jdk.localedata,javafx.controls,javafx.swing"
fxjars=$(ls "$libs"/javafx-*-linux.jar | tr '\n' ':')
say "jlink $modules"
"$JDK/bin/jlink" --module-path "$fxjars" --add-modules "$modules" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$runtime" >/dev/null
for jar in "$libs"/javafx-*-linux.jar; do
  natives=$("$JDK/bin/jar" tf "$jar" | grep '^lib[^/]*\.so$' || true)
  if [ -n "$natives" ]; then
    (cd "$runtime/lib" && "$JDK/bin/jar" xf "$jar" $natives)
  fi
done

# 4. The app image. Its launcher runs the same main as `java -jar`: no arguments open the window,
#    a command runs the command line. bin/java stays in the runtime for the launcher's relaunch.
say "jpackage app-image"
common=(--name DigitLab --app-version "$VERSION" --vendor DigitLab
  --description "Train your first neural network, then draw digits for it to read"
  --copyright "DigitLab contributors")
"$JDK/bin/jpackage" --type app-image "${common[@]}" --dest "$TARGET" \
  --input "$input" --main-jar "digitlab-$VERSION.jar" --main-class "$MAIN" \
  --runtime-image "$runtime" --icon "$BASEDIR/assets/digitlab.png" \
  --java-options '-Djava.library.path=$APPDIR/native' \
  --java-options '-Dorg.bytedeco.javacpp.pathsFirst=true'
if [ "$nolapack_link" = true ]; then
  ln -sf libopenblas.so.0 "$image/lib/app/native/libopenblas_nolapack.so.0"
fi
say "app image: $(du -sh "$image" | cut -f1) in $image"

# 5. The Debian package, from that image: installs into /opt/digitlab, with a menu entry.
if [ "${DEB:-true}" = "false" ]; then
  say "DEB=false: no .deb"
elif ! command -v dpkg-deb >/dev/null 2>&1 || ! command -v fakeroot >/dev/null 2>&1; then
  say "no dpkg-deb or fakeroot: no .deb (apt-get install fakeroot dpkg)"
else
  say "jpackage deb"
  # The menu entry (src/dist/linux/DigitLab.desktop; jpackage looks for <name>.desktop) adds the
  # Chinese name and comment to jpackage's own; its version line is filled in here.
  resources="$work/linux"
  rm -rf "$resources" && cp -r "$BASEDIR/src/dist/linux" "$resources"
  sed -i "s/@VERSION@/$VERSION/" "$resources"/*.desktop
  "$JDK/bin/jpackage" --type deb "${common[@]}" --dest "$TARGET" --app-image "$image" \
    --icon "$BASEDIR/assets/digitlab.png" --resource-dir "$resources" \
    --linux-package-name digitlab --linux-menu-group "Education;Science" --linux-shortcut \
    --linux-app-category education
  say "deb: $(du -sh "$TARGET"/digitlab_*.deb | cut -f1) $(ls "$TARGET"/digitlab_*.deb)"
fi
