; Inno Setup 6 script: the Windows installer over the one-folder app.
;
; Build on Windows (see the README, "Building the Windows installer"):
;   1. py -3.11 -m venv build\venv-installer
;   2. build\venv-installer\Scripts\pip install . "pyinstaller>=6.10,<7"
;   3. build\venv-installer\Scripts\pyinstaller --noconfirm --clean build_installer.spec
;        -> dist\tafelronde\tafelronde.exe (windowed) and tafelronde-cli.exe (console)
;   4. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\tafelronde.iss
;        -> dist\installer\tafelronde-setup-<version>.exe
;
; Installs per user or for all users (the installer asks), adds a Start menu entry,
; opens .tafelronde session files with Tafelronde, and uninstalls cleanly. Session
; files and the user's data folder (%LOCALAPPDATA%\Tafelronde: logs, settings, demo
; copies) are never removed by the uninstaller.

#define AppName "Tafelronde"
#define AppExe "tafelronde.exe"
#define AppPublisher "Tafelronde"

; The version, from desktop_app\__init__.py (override: ISCC /DAppVersion=1.2.3 ...).
#ifndef AppVersion
  #define VersionHandle FileOpen(AddBackslash(SourcePath) + "..\desktop_app\__init__.py")
  #define VersionLine ""
  #define AppVersion ""
  #sub ReadVersionLine
    #define VersionLine FileRead(VersionHandle)
    #if Pos("__version__", VersionLine) == 1
      #define AppVersion Trim(StringChange(StringChange(StringChange(VersionLine, "__version__", ""), "=", ""), '"', ""))
    #endif
  #endsub
  #for {0; VersionHandle && !FileEof(VersionHandle) && AppVersion == ""; 0} ReadVersionLine
  #if VersionHandle
    #expr FileClose(VersionHandle)
  #endif
  #if AppVersion == ""
    #error Could not read __version__ from desktop_app\__init__.py
  #endif
#endif

[Setup]
; Keep this AppId for every release: it is how Windows recognises an update.
AppId={{6F0D3E52-8C1B-4B7A-9E2D-5A7C4F1B2E90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SourceDir=..
OutputDir=dist\installer
OutputBaseFilename=tafelronde-setup-{#AppVersion}
SetupIconFile=resources\icons\app\tafelronde.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder app: tafelronde.exe, tafelronde-cli.exe and _internal\.
Source: "dist\tafelronde\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the app folder's libraries, never user files (those live elsewhere).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} demo"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .tafelronde session files open in Tafelronde (HKA: per user or all users, as installed).
Root: HKA; Subkey: "Software\Classes\.tafelronde"; ValueType: string; ValueName: ""; ValueData: "Tafelronde.Session"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.tafelronde\OpenWithProgids"; ValueType: string; ValueName: "Tafelronde.Session"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Tafelronde.Session"; ValueType: string; ValueName: ""; ValueData: "Tafelronde-sessie"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Tafelronde.Session\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\Tafelronde.Session\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".tafelronde"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
