#!/usr/bin/env bash
# Creates a ProtoHive tool plugin project from sdk/tool-template.
#
#   sdk/new-tool.sh <directory> <groupId> <artifactId> <java package> <tool id>
#   sdk/new-tool.sh ../weather com.acme.protohive tool-weather com.acme.protohive.weather acme.weather
#
# The project signs its bundle with signing.p12 in its own folder (alias "publisher", password
# from PLUGIN_SIGNING_PASSWORD); docs/plugins.md shows how to create that key.
set -euo pipefail

if [[ $# -ne 5 ]]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
target=$1 group=$2 artifact=$3 package=$4 tool_id=$5
template="$(cd "$(dirname "$0")" && pwd)/tool-template"

[[ $package =~ ^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$ ]] || { echo "not a Java package: $package" >&2; exit 2; }
[[ $tool_id =~ ^[a-z0-9]+([.-][a-z0-9]+)*$ ]] || { echo "not a tool id (a-z, 0-9, . and -): $tool_id" >&2; exit 2; }
[[ ! -e $target ]] || { echo "$target exists already" >&2; exit 2; }

mkdir -p "$target"
(cd "$template" && tar --exclude=./target -cf - .) | (cd "$target" && tar -xf -)

package_dir=${package//.//}
for tree in src/main/java src/test/java; do
  mkdir -p "$target/$tree/$package_dir"
  mv "$target/$tree/com/example/protohive/tool/"*.java "$target/$tree/$package_dir/"
  find "$target/$tree" -type d -empty -delete
done

find "$target" -type f \( -name '*.java' -o -name pom.xml \) -print0 | xargs -0 sed -i \
  -e "s/com\.example\.protohive\.tool/$package/g" \
  -e "s/example\.echo/$tool_id/g"
sed -i \
  -e "s#<groupId>com.example.protohive</groupId>#<groupId>$group</groupId>#" \
  -e "s#<artifactId>tool-template</artifactId>#<artifactId>$artifact</artifactId>#" \
  -e "s#<name>Template tool</name>#<name>$artifact</name>#" \
  -e 's#<plugin.signing.keystore>.*</plugin.signing.keystore>#<plugin.signing.keystore>${project.basedir}/signing.p12</plugin.signing.keystore>#' \
  -e 's#<plugin.signing.alias>.*</plugin.signing.alias>#<plugin.signing.alias>publisher</plugin.signing.alias>#' \
  -e 's#<plugin.signing.storepass>.*</plugin.signing.storepass>#<plugin.signing.storepass>${env.PLUGIN_SIGNING_PASSWORD}</plugin.signing.storepass>#' \
  "$target/pom.xml"

echo "Created $artifact in $target: tool $tool_id in package $package."
echo "Next: create signing.p12 there (docs/plugins.md), then mvn verify."
