@echo off
rem Starts NAMDRunner. Needs Java 21 or newer: JAVA_HOME if it is 21+, else java on PATH if it is 21+, else
rem the newest JDK under Eclipse Adoptium, Java, Microsoft or Zulu in Program Files. Without one it says where to get one.
rem Data: %NAMDRUNNER_HOME%, else %USERPROFILE%\.namdrunner (Java's user.home); the workbench applies the rule (docs/data-locations.md).
setlocal EnableDelayedExpansion
set "HERE=%~dp0"
set "JAVA="
if defined JAVA_HOME call :try "%JAVA_HOME%\bin\java.exe"
if not defined JAVA for /f "delims=" %%j in ('where java 2^>nul') do if not defined JAVA call :try "%%j"
for %%d in ("%ProgramFiles%\Eclipse Adoptium" "%ProgramFiles%\Java" "%ProgramFiles%\Microsoft" "%ProgramFiles%\Zulu") do (
  if not defined JAVA if exist "%%~d" for /f "delims=" %%k in ('dir /b /ad /o-n "%%~d" 2^>nul') do if not defined JAVA call :try "%%~d\%%k\bin\java.exe"
)
if not defined JAVA (
  echo NAMDRunner needs Java 21 or newer, and none was found: looked at JAVA_HOME, java on the PATH and
  echo the JDKs in "%ProgramFiles%" ^(Eclipse Adoptium, Java, Microsoft, Zulu^).
  echo Install a JDK 21 or newer, e.g. Temurin 21 from https://adoptium.net/ , then start NAMDRunner again.
  pause
  exit /b 1
)
set "LAUNCHER="
for /f "delims=" %%f in ('dir /b /o-n "%HERE%plugins\org.eclipse.equinox.launcher_*.jar" 2^>nul') do if not defined LAUNCHER set "LAUNCHER=%HERE%plugins\%%f"
if not defined LAUNCHER (echo No plugins\org.eclipse.equinox.launcher_*.jar in %HERE%: is this an unpacked NAMDRunner? & exit /b 1)
"%JAVA%" -Dosgi.requiredJavaVersion=21 -Xmx1g -jar "%LAUNCHER%" %*
exit /b %ERRORLEVEL%

rem :try <java.exe>: sets JAVA when that java exists and reports version 21 or newer
:try
if not exist "%~1" exit /b 0
set "VER="
for /f "tokens=3" %%v in ('"%~1" -version 2^>^&1 ^| findstr /i /c:"version"') do if not defined VER set "VER=%%~v"
if not defined VER exit /b 0
for /f "delims=.-+ " %%m in ("!VER!") do set "MAJOR=%%m"
if "!MAJOR!"=="1" exit /b 0
if !MAJOR! GEQ 21 set "JAVA=%~1"
exit /b 0
