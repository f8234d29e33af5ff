; Inno Setup 6 script: installs the one-folder bundle for all users, offline.
;   iscc /DAppVersion=0.1.0 /DBuildDir=C:\path\to\build installers\windows\bwv-studio.iss
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BuildDir
  #define BuildDir "..\..\build"
#endif

[Setup]
AppId={{6C2B7F0E-4B1D-4C7A-9E55-2B1C0F6F7A11}
AppName=BWV Studio
AppVersion={#AppVersion}
AppPublisher=BWV Studio developers
DefaultDirName={autopf}\BWV Studio
DefaultGroupName=BWV Studio
OutputDir={#BuildDir}
OutputBaseFilename=BWV-Studio-{#AppVersion}-setup
SetupIconFile={#BuildDir}\icons\bwv-studio.ico
UninstallDisplayIcon={app}\bwv-studio.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
LicenseFile=..\..\LICENSE

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Welsh is not among Inno Setup's official languages: add its unofficial Welsh.isl here if the
; installer itself must speak Welsh (the app follows the system language or its setting).

[Files]
Source: "{#BuildDir}\dist\bwv-studio\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\BWV Studio"; Filename: "{app}\bwv-studio.exe"
Name: "{autodesktop}\BWV Studio"; Filename: "{app}\bwv-studio.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\bwv-studio.exe"; Description: "{cm:LaunchProgram,BWV Studio}"; Flags: nowait postinstall skipifsilent
