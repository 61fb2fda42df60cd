#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A private Redmine on 127.0.0.1 for the sync tests (Debian's redmine with
# SQLite, served by puma).  See docs/sync.md and the notes it links.
#
#   redmine.sh start DIR   install if missing, create an instance in DIR,
#                          start it; writes DIR/env (REDMINE_URL, REDMINE_KEY,
#                          REDMINE_PID)
#   redmine.sh stop DIR    stop the server started in DIR
set -euo pipefail

cmd=${1:?start|stop}
dir=${2:?instance folder}

install_redmine() {
  local need=()
  for p in redmine redmine-sqlite puma ruby-webrick; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || need+=("$p")
  done
  [ ${#need[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  printf '%s\n' 'redmine redmine/instances/default/dbconfig-install boolean true' \
                'redmine redmine/instances/default/database-type select sqlite3' |
    "${sudo[@]}" debconf-set-selections
  "${sudo[@]}" apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
}

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

case "$cmd" in
  start)
    install_redmine
    mkdir -p "$dir"/config "$dir"/log "$dir"/tmp "$dir"/files "$dir"/public/plugin_assets "$dir"/rakelib
    dir=$(cd "$dir" && pwd)
    printf 'production:\n  adapter: sqlite3\n  database: %s/db.sqlite3\n  timeout: 5000\n' "$dir" > "$dir"/config/database.yml
    head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir"/config/secret_key.txt
    # One Rails boot for migrate, default data and setup.
    cat > "$dir"/rakelib/liaison.rake <<'RAKE'
namespace :liaison do
  task :setup => :environment do
    ActiveRecord::Base.connection.schema_cache.clear!
    ActiveRecord::Base.descendants.each { |m| m.reset_column_information rescue nil }
    ENV['REDMINE_LANG'] = 'en'
    Redmine::DefaultData::Loader.load('en') unless Redmine::DefaultData::Loader.no_data? == false
    Setting.rest_api_enabled = '1'
    Setting.login_required = '1'
    Setting.text_formatting = 'common_mark'
    u = User.find_by_login!('admin'); u.must_change_passwd = false; u.save!
    p = Project.create!(name: 'vllm', identifier: 'vllm', is_public: true,
                        enabled_module_names: %w(issue_tracking wiki), trackers: Tracker.sorted.to_a)
    role = Role.givable.first
    Member.create!(project: p, principal: u, roles: [role]) rescue nil
    File.write(File.join(ENV['LIAISON_INSTANCE'], 'key'), u.api_key)
  end
end
RAKE
    export RAILS_ENV=production SCHEMA="$dir"/schema.rb LIAISON_INSTANCE="$dir"
    export REDMINE_INSTANCE=../../../../../../../..$dir
    cd /usr/share/redmine
    bin/rake -R "$dir"/rakelib db:migrate liaison:setup > "$dir"/log/setup.log 2>&1 ||
      { cat "$dir"/log/setup.log >&2; exit 1; }
    port=$(free_port)
    setsid puma -b tcp://127.0.0.1:"$port" -e production -t 1:4 config.ru > "$dir"/puma.log 2>&1 &
    pid=$!
    for _ in $(seq 150); do
      if curl -fs -o /dev/null -H "X-Redmine-API-Key: $(cat "$dir"/key)" "http://127.0.0.1:$port/projects/vllm.json"; then
        printf 'REDMINE_URL=http://127.0.0.1:%s\nREDMINE_KEY=%s\nREDMINE_PID=%s\n' "$port" "$(cat "$dir"/key)" "$pid" > "$dir"/env
        exit 0
      fi
      kill -0 "$pid" 2>/dev/null || { cat "$dir"/puma.log >&2; exit 1; }
      sleep 0.2
    done
    echo "redmine did not answer on port $port" >&2
    kill "$pid" 2>/dev/null || true
    exit 1
    ;;
  stop)
    if [ -f "$dir"/env ]; then
      pid=$(sed -n 's/^REDMINE_PID=//p' "$dir"/env)
      [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    ;;
esac
