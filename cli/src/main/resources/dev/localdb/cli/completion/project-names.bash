
# ---------------------------------------------------------------------------------------------
# localdb: project names. Not from picocli: the shell lists them itself, so TAB never starts a
# JVM. They are the folder names under "${LOCALDB_HOME:-$HOME/.localdb}/projects" (one folder a
# project); for commands that also work on projects that only hold a port (port, release, run)
# the names in the registry file "$LOCALDB_HOME/runtime/.port-registry.json" are added, found
# with grep (the file is small; nothing is parsed or written).

# Prints the project names, one a line; with "registry" the registry's names too (maybe twice).
function _localdb_project_names() {
  [[ -n ${ZSH_VERSION-} ]] && setopt localoptions nullglob
  local home="${LOCALDB_HOME:-$HOME/.localdb}" entry name
  for entry in "$home"/projects/*/; do
    name=${entry%/}
    name=${name##*/}
    if [[ $name =~ ^[a-z0-9][a-z0-9._-]{0,63}$ ]]; then printf '%s\n' "$name"; fi
  done
  if [[ $1 == registry && -r $home/runtime/.port-registry.json ]]; then
    grep -o '"project"[[:space:]]*:[[:space:]]*"[a-z0-9][a-z0-9._-]*"' "$home/runtime/.port-registry.json" 2>/dev/null |
      sed 's/.*"\([a-z0-9._-]*\)"$/\1/'
  fi
  return 0
}

# Where the names of command $1 come from: "folders" or "registry"; fails for commands without a <project>.
function _localdb_project_source() {
  case $1 in
@PROJECT_COMMANDS@
    *) return 1 ;;
  esac
}

# Succeeds when option $2 of command $1 takes a value: the word after it is that value, not a project.
function _localdb_option_takes_value() {
  case "$1 $2" in
@VALUE_OPTIONS@
  esac
  return 1
}

# Completes as picocli's _complete_localdb does, then adds project names where a <project> goes:
# the first argument after the command that is not an option or an option's value.
function _localdb_complete() {
  _complete_localdb "$@"
  local rc=$? curr_word=${COMP_WORDS[COMP_CWORD]} command="" word names_from i arguments=0
  [[ $curr_word == -* ]] && return $rc
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word=${COMP_WORDS[i]}
    if [[ -z $command ]]; then
      [[ $word == -* ]] || command=$word
    elif [[ $word == -- ]]; then
      (( arguments += COMP_CWORD - i - 1 ))
      break
    elif [[ $word == -* ]]; then
      if _localdb_option_takes_value "$command" "$word"; then
        (( i++ ))
        # bash splits "--timeout=5" into "--timeout" "=" "5"
        [[ ${COMP_WORDS[i]} == = ]] && (( i++ ))
        # the word being completed is that option's value
        (( i >= COMP_CWORD )) && return $rc
      fi
    else
      (( arguments++ ))
    fi
  done
  [[ -n $command ]] && (( arguments == 0 )) || return $rc
  names_from=$(_localdb_project_source "$command") || return $rc
  local IFS=$'\n'
  COMPREPLY+=( $(compgen -W "$(_localdb_project_names "$names_from" | sort -u)" -- "$curr_word") )
  return 0
}

complete -F _localdb_complete -o default localdb localdb.sh localdb.bash
