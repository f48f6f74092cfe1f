@echo off
rem Starts NAMDRunner. Needs Java 21 or newer: JAVA_HOME if set, else java on PATH.
setlocal
set HERE=%~dp0
set JAVA=java
if defined JAVA_HOME set JAVA=%JAVA_HOME%\bin\java
"%JAVA%" -version >nul 2>&1 || (echo NAMDRunner needs Java 21 or newer; set JAVA_HOME to a JDK 21+. & exit /b 1)
for %%f in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set LAUNCHER=%%f
rem data: %NAMDRUNNER_HOME%, else %USERPROFILE%\.namdrunner (Java's user.home); the workbench applies the rule
"%JAVA%" -Dosgi.requiredJavaVersion=21 -Xmx1g -jar "%LAUNCHER%" %*
