# Installs the unpacked localdb distribution for this user on Windows (untested here; docs/INSTALL.md):
#   <Prefix>\bin\localdb.cmd   a small launcher that calls bin\localdb.cmd in this folder
#   <Prefix>\localdb-completion.ps1 is not made: picocli's completion is for bash and zsh only.
# Default prefix: %LOCALAPPDATA%\Programs\localdb. Add <Prefix>\bin to your PATH if it is not there.
param([string]$Prefix = (Join-Path $env:LOCALAPPDATA 'Programs\localdb'))
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$launcher = Join-Path $here 'bin\localdb.cmd'
if (-not (Test-Path $launcher)) { throw "$launcher is missing: run install.ps1 from the unpacked distribution" }
& $launcher --version | Out-Null
if ($LASTEXITCODE -ne 0) { throw "localdb does not run: see the message above" }
$bin = Join-Path $Prefix 'bin'
New-Item -ItemType Directory -Force -Path $bin | Out-Null
Set-Content -Path (Join-Path $bin 'localdb.cmd') -Encoding ASCII -Value "@echo off`r`ncall `"$launcher`" %*`r`nexit /b %ERRORLEVEL%"
Write-Output "localdb: $(Join-Path $bin 'localdb.cmd') -> $launcher"
$userPath = [Environment]::GetEnvironmentVariable('Path', 'User')
if (-not (($userPath -split ';') -contains $bin)) {
  Write-Output "note: $bin is not on your PATH; add it, e.g.  [Environment]::SetEnvironmentVariable('Path', `"$bin;`$env:Path`", 'User')"
}
