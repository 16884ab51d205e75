@echo off
rem localdb launcher for Windows (untested here; docs/INSTALL.md). Runs localdb.jar next to this bin\
rem with %JAVA_HOME%\bin\java.exe, else java on the PATH; it needs Java 17 or newer.
setlocal EnableExtensions EnableDelayedExpansion
set "root=%~dp0.."
set "jar=%root%\localdb.jar"
if defined JAVA_HOME (
  set "java=%JAVA_HOME%\bin\java.exe"
  if not exist "!java!" (
    echo error: JAVA_HOME is %JAVA_HOME%, but !java! is missing: point JAVA_HOME at a JDK or JRE 17 or newer 1>&2
    exit /b 1
  )
) else (
  set "java="
  for /f "delims=" %%j in ('where java 2^>nul') do if not defined java set "java=%%j"
  if not defined java (
    echo error: java is not installed: localdb needs a JDK or JRE 17 or newer on the PATH or in JAVA_HOME 1>&2
    exit /b 1
  )
)
set "version="
for /f "tokens=3" %%v in ('"%java%" -version 2^>^&1 ^| findstr /i "version"') do if not defined version set "version=%%~v"
set "major="
for /f "delims=." %%m in ("%version%") do set "major=%%m"
if "%major%"=="" set "major=0"
if %major% LSS 17 (
  echo error: localdb needs Java 17 or newer, but %java% is %version%: install a JDK or JRE 17+ or set JAVA_HOME to one 1>&2
  exit /b 1
)
rem Class-data sharing: an archive in the user's own %LOCALAPPDATA%\localdb, named after the Java
rem version and the jar's size and time; the first run trains one in the background.
set "cds="
if defined LOCALAPPDATA (
  set "cache=%LOCALAPPDATA%\localdb"
  if not exist "!cache!" mkdir "!cache!" 2>nul
  for %%f in ("%jar%") do set "stamp=%%~zf-%%~tf"
  set "stamp=!stamp: =_!"
  set "stamp=!stamp:/=-!"
  set "stamp=!stamp::=-!"
  set "archive=!cache!\localdb-!version!-!stamp!.jsa"
  if exist "!archive!" (
    set "cds=-XX:SharedArchiveFile=!archive! -Dlocaldb.cds.archive=!archive!"
  ) else if not exist "!archive!.lock" (
    echo training> "!archive!.lock"
    start "" /b cmd /c ""!java!" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:ArchiveClassesAtExit="!archive!.tmp" -Xlog:cds*=off -cp "%jar%" dev.localdb.cli.CdsTraining >nul 2>&1 && move /y "!archive!.tmp" "!archive!" >nul & del "!archive!.lock" >nul 2>&1"
  )
)
"%java%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off %cds% %LOCALDB_JAVA_OPTS% -jar "%jar%" %*
exit /b %ERRORLEVEL%
