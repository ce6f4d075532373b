<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>BatchText</name>
    <message numerus="yes">
        <source>This batch would make %n image(s), more than the %1 one batch may make. Choose fewer templates or images per prompt, or make it in parts.</source>
        <translation>
            <numerusform>この内容では %n 枚になり、1 回の生成の上限（%1 枚）を超えます。テンプレートや 1 プロンプトあたりの枚数を減らすか、何回かに分けて作ってください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one trained product.</source>
        <translation>学習済みの商品を 1 つ以上選んでください。</translation>
    </message>
    <message>
        <source>Choose at least one template.</source>
        <translation>テンプレートを 1 つ以上選んでください。</translation>
    </message>
    <message>
        <source>One of the advanced settings cannot be used. Check the steps, guidance, sampler and size.</source>
        <translation>詳細設定に使えない値があります。ステップ数・ガイダンス・サンプラー・サイズを確認してください。</translation>
    </message>
    <message>
        <source>This batch cannot be made as chosen. Change the choices and try again.</source>
        <translation>この内容では生成できません。選択を見直して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>DPM++ 2M</source>
        <translation>DPM++ 2M</translation>
    </message>
    <message>
        <source>DPM++ 2M Karras</source>
        <translation>DPM++ 2M Karras</translation>
    </message>
    <message>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <source>DDIM</source>
        <translation>DDIM</translation>
    </message>
    <message>
        <source>PNDM</source>
        <translation>PNDM</translation>
    </message>
    <message>
        <source>%1 · seed %2 · %3</source>
        <translation>%1・シード %2・%3</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>Mug</source>
        <translation>マグカップ</translation>
    </message>
    <message>
        <source>Cup</source>
        <translation>カップ</translation>
    </message>
    <message>
        <source>Bowl</source>
        <translation>ボウル・鉢</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>皿</translation>
    </message>
    <message>
        <source>Teapot</source>
        <translation>急須・ティーポット</translation>
    </message>
    <message>
        <source>Bottle</source>
        <translation>ボトル・瓶</translation>
    </message>
    <message>
        <source>Jar</source>
        <translation>保存瓶</translation>
    </message>
    <message>
        <source>Can</source>
        <translation>缶</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>箱</translation>
    </message>
    <message>
        <source>Knife</source>
        <translation>包丁・ナイフ</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>バッグ</translation>
    </message>
    <message>
        <source>Backpack</source>
        <translation>リュック</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>財布</translation>
    </message>
    <message>
        <source>Shoe</source>
        <translation>靴</translation>
    </message>
    <message>
        <source>Hat</source>
        <translation>帽子</translation>
    </message>
    <message>
        <source>Jacket</source>
        <translation>ジャケット</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>シャツ</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>ワンピース</translation>
    </message>
    <message>
        <source>Towel</source>
        <translation>タオル</translation>
    </message>
    <message>
        <source>Wristwatch</source>
        <translation>腕時計</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>指輪</translation>
    </message>
    <message>
        <source>Necklace</source>
        <translation>ネックレス</translation>
    </message>
    <message>
        <source>Bracelet</source>
        <translation>ブレスレット</translation>
    </message>
    <message>
        <source>Glasses</source>
        <translation>眼鏡</translation>
    </message>
    <message>
        <source>Umbrella</source>
        <translation>傘</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>椅子</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Sofa</source>
        <translation>ソファ</translation>
    </message>
    <message>
        <source>Pillow</source>
        <translation>枕・クッション</translation>
    </message>
    <message>
        <source>Lamp</source>
        <translation>照明・ランプ</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>時計（置き・掛け）</translation>
    </message>
    <message>
        <source>Vase</source>
        <translation>花瓶</translation>
    </message>
    <message>
        <source>Candle</source>
        <translation>ろうそく・キャンドル</translation>
    </message>
    <message>
        <source>Plant</source>
        <translation>植物・鉢植え</translation>
    </message>
    <message>
        <source>Soap</source>
        <translation>石けん</translation>
    </message>
    <message>
        <source>Perfume</source>
        <translation>香水</translation>
    </message>
    <message>
        <source>Toy</source>
        <translation>おもちゃ</translation>
    </message>
    <message>
        <source>Doll</source>
        <translation>人形</translation>
    </message>
    <message>
        <source>Cake</source>
        <translation>ケーキ</translation>
    </message>
    <message>
        <source>Bread</source>
        <translation>パン</translation>
    </message>
    <message>
        <source>Cookie</source>
        <translation>クッキー</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>ペン</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>ノート</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>スピーカー</translation>
    </message>
    <message>
        <source>Headphones</source>
        <translation>ヘッドホン</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>category label and the English word the model reads</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>GPU (NVIDIA)</source>
        <translation>GPU（NVIDIA）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Smaller settings fit smaller GPUs and train more slowly.</source>
        <translation>小さい設定ほどメモリの少ない GPU でも動きますが、学習は遅くなります。</translation>
    </message>
    <message>
        <source>%1 GB GPU</source>
        <translation>GPU %1 GB 向け</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>モデルファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Choose a model folder…</source>
        <translation>モデルフォルダーを選ぶ…</translation>
    </message>
    <message>
        <source>A Stable Diffusion 1.5 or 2.1 checkpoint (.safetensors)</source>
        <translation>Stable Diffusion 1.5 または 2.1 のモデルファイル（.safetensors）</translation>
    </message>
    <message>
        <source>A Stable Diffusion 1.5 or 2.1 folder in the diffusers layout</source>
        <translation>diffusers 形式の Stable Diffusion 1.5 または 2.1 のフォルダー</translation>
    </message>
</context>
<context>
    <name>ContactSheetText</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>product · template</comment>
        <translation>%1・%2</translation>
    </message>
    <message>
        <source>No. %1 · seed %2 · %3</source>
        <comment>image number, seed, review state</comment>
        <translation>No.%1・シード %2・%3</translation>
    </message>
    <message>
        <source>%1 — contact sheet, %2</source>
        <comment>project, date</comment>
        <translation>%1 — コンタクトシート（%2）</translation>
    </message>
</context>
<context>
    <name>EditTemplateCommand</name>
    <message>
        <source>Change the ID</source>
        <translation>ID の変更</translation>
    </message>
    <message>
        <source>Change the Japanese name</source>
        <translation>日本語名の変更</translation>
    </message>
    <message>
        <source>Change the English name</source>
        <translation>英語名の変更</translation>
    </message>
    <message>
        <source>Edit the prompt</source>
        <translation>プロンプトの編集</translation>
    </message>
    <message>
        <source>Edit the negative prompt</source>
        <translation>ネガティブプロンプトの編集</translation>
    </message>
    <message>
        <source>Change the width</source>
        <translation>幅の変更</translation>
    </message>
    <message>
        <source>Change the height</source>
        <translation>高さの変更</translation>
    </message>
    <message>
        <source>Change the steps</source>
        <translation>ステップ数の変更</translation>
    </message>
    <message>
        <source>Change the guidance</source>
        <translation>ガイダンスの変更</translation>
    </message>
    <message>
        <source>Change the sampler</source>
        <translation>サンプラーの変更</translation>
    </message>
    <message>
        <source>Change the images per prompt</source>
        <translation>1 プロンプトの枚数の変更</translation>
    </message>
    <message>
        <source>Edit the variables</source>
        <translation>変数の編集</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>変更の破棄</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The project file was not found.</source>
        <translation>プロジェクトファイルが見つかりません。</translation>
    </message>
    <message>
        <source>It may have been moved or deleted. Check where it is and open it again.</source>
        <translation>移動または削除された可能性があります。保存場所を確かめて、もう一度開いてください。</translation>
    </message>
    <message>
        <source>This file is not a Rashisa project.</source>
        <translation>このファイルはらしさのプロジェクトではありません。</translation>
    </message>
    <message>
        <source>Choose a .rashisa file.</source>
        <translation>.rashisa ファイルを選んでください。</translation>
    </message>
    <message>
        <source>This project was made with a newer version of Rashisa.</source>
        <translation>新しいバージョンのらしさで作られたプロジェクトです。</translation>
    </message>
    <message>
        <source>Update Rashisa, then open it again. The file has not been changed.</source>
        <translation>らしさを更新してから、もう一度開いてください。ファイルは変更していません。</translation>
    </message>
    <message>
        <source>The project file is damaged.</source>
        <translation>プロジェクトファイルが壊れています。</translation>
    </message>
    <message>
        <source>Restore it from a backup. Rashisa has not changed the file.</source>
        <translation>バックアップから戻してください。らしさはこのファイルを変更していません。</translation>
    </message>
    <message>
        <source>A file with this name already exists.</source>
        <translation>同じ名前のファイルがすでにあります。</translation>
    </message>
    <message>
        <source>Choose another name or folder.</source>
        <translation>別の名前か保存場所を選んでください。</translation>
    </message>
    <message>
        <source>Rashisa cannot write to this place.</source>
        <translation>この場所には書き込めません。</translation>
    </message>
    <message>
        <source>Copy the project to a folder you can write to, then open the copy.</source>
        <translation>書き込みできるフォルダーにプロジェクトをコピーし、コピーしたほうを開いてください。</translation>
    </message>
    <message>
        <source>Another program is using this project.</source>
        <translation>ほかのプログラムがこのプロジェクトを使っています。</translation>
    </message>
    <message>
        <source>Close it in the other Rashisa window or rashisa-cli, then try again.</source>
        <translation>ほかのらしさのウィンドウや rashisa-cli で閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The base model was not found.</source>
        <translation>ベースモデルが見つかりません。</translation>
    </message>
    <message>
        <source>Check where the file or folder is, and choose it again.</source>
        <translation>ファイルやフォルダーの場所を確かめて、もう一度選んでください。</translation>
    </message>
    <message>
        <source>Rashisa does not open this model format, for safety.</source>
        <translation>安全のため、この形式のモデルは開きません。</translation>
    </message>
    <message>
        <source>Files such as .ckpt can run programs when they are opened. Convert the model to .safetensors with a tool you trust, then choose that file.</source>
        <translation>.ckpt などのファイルは、開くだけでプログラムが動くおそれがあります。信頼できるツールで .safetensors に変換してから、そのファイルを選んでください。</translation>
    </message>
    <message>
        <source>This model is not supported.</source>
        <translation>このモデルには対応していません。</translation>
    </message>
    <message>
        <source>Choose a Stable Diffusion 1.5 or 2.1 model: a diffusers folder or a .safetensors file.</source>
        <translation>Stable Diffusion 1.5 または 2.1 のモデル（diffusers 形式のフォルダーか .safetensors ファイル）を選んでください。</translation>
    </message>
    <message>
        <source>The model&apos;s files are damaged or not in the expected format.</source>
        <translation>モデルのファイルが壊れているか、形式が違います。</translation>
    </message>
    <message>
        <source>Check that the copy or download was complete, then choose the model again.</source>
        <translation>コピーやダウンロードが最後まで終わっているか確かめてから、もう一度選んでください。</translation>
    </message>
    <message>
        <source>The base model is not the one this project was made with.</source>
        <translation>このプロジェクトで使っていたベースモデルとは中身が違います。</translation>
    </message>
    <message>
        <source>Put the original model back, or choose this one again (earlier images then cannot be remade exactly).</source>
        <translation>元のモデルを戻すか、このモデルを選び直してください（選び直すと、これまでの画像はまったく同じには作り直せません）。</translation>
    </message>
    <message>
        <source>The GPU ran out of memory.</source>
        <translation>GPU のメモリが足りなくなりました。</translation>
    </message>
    <message>
        <source>Close other programs that use the GPU, or choose a smaller memory setting under Advanced settings. Training continues from its last save.</source>
        <translation>GPU を使うほかのプログラムを閉じるか、詳細設定でメモリの設定を小さくしてください。学習は最後に保存したところから続けられます。</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>ディスクの空き容量が足りません。</translation>
    </message>
    <message>
        <source>Free some disk space, then try again. Everything done so far is saved.</source>
        <translation>空き容量を増やしてから、もう一度お試しください。ここまでの作業は保存されています。</translation>
    </message>
    <message>
        <source>A file could not be written.</source>
        <translation>ファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <source>Check the free disk space and that you may write to the folder, then try again.</source>
        <translation>空き容量と、フォルダーへの書き込み権限を確かめてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>A file could not be read.</source>
        <translation>ファイルを読み込めませんでした。</translation>
    </message>
    <message>
        <source>Check that the file is still there and readable.</source>
        <translation>ファイルがその場所にあり、開けるかどうか確かめてください。</translation>
    </message>
    <message>
        <source>A file was not found.</source>
        <translation>ファイルが見つかりません。</translation>
    </message>
    <message>
        <source>Check that it has not been moved or deleted.</source>
        <translation>移動や削除をしていないか確かめてください。</translation>
    </message>
    <message>
        <source>Part of the project file is damaged.</source>
        <translation>プロジェクトファイルの一部が壊れています。</translation>
    </message>
    <message>
        <source>Restore the project from a backup.</source>
        <translation>バックアップからプロジェクトを戻してください。</translation>
    </message>
    <message>
        <source>Close the other program, then try again.</source>
        <translation>ほかのプログラムを閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>This cannot be done with the current settings.</source>
        <translation>今の設定ではこの操作ができません。</translation>
    </message>
    <message>
        <source>Check the settings on this page. &quot;Copy details&quot; shows the exact reason.</source>
        <translation>このページの設定を確かめてください。くわしい理由は「詳細をコピー」で確認できます。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>予期しないエラーが起きました。</translation>
    </message>
    <message>
        <source>Use &quot;Copy details&quot; and send the text to your support contact.</source>
        <translation>「詳細をコピー」で内容をコピーし、サポート窓口に送ってください。</translation>
    </message>
    <message>
        <source>The disk reported an error while Rashisa was reading or writing.</source>
        <translation>読み書きの途中でディスクがエラーを返しました。</translation>
    </message>
    <message>
        <source>Check that the drive is still connected and working, then try again.</source>
        <translation>ドライブが接続されていて正常に動いているか確かめてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>A file is damaged or not in the format Rashisa expected.</source>
        <translation>ファイルが壊れているか、らしさが読める形式ではありません。</translation>
    </message>
    <message>
        <source>Use another copy of the file, or save it again from the program that made it.</source>
        <translation>別のコピーを使うか、作成したソフトでもう一度保存してください。</translation>
    </message>
    <message>
        <source>Choose a folder you may write to, or ask your administrator for permission.</source>
        <translation>書き込みできるフォルダーを選ぶか、管理者に権限を確認してください。</translation>
    </message>
    <message>
        <source>This is already in the project.</source>
        <translation>すでにプロジェクトに入っています。</translation>
    </message>
    <message>
        <source>Nothing was added twice; you can carry on.</source>
        <translation>二重には追加されていません。このまま続けられます。</translation>
    </message>
    <message>
        <source>This item is no longer in the project.</source>
        <translation>この項目はプロジェクトにもうありません。</translation>
    </message>
    <message>
        <source>It may have been removed in the meantime. The page now shows the project as it is.</source>
        <translation>その間に削除された可能性があります。ページには現在のプロジェクトの内容を表示しています。</translation>
    </message>
    <message>
        <source>This change does not fit the rest of the project.</source>
        <translation>この変更はプロジェクトのほかの内容と合いません。</translation>
    </message>
    <message>
        <source>Something it refers to may have been removed. &quot;Copy details&quot; shows the exact reason.</source>
        <translation>参照しているものが削除された可能性があります。くわしい理由は「詳細をコピー」で確認できます。</translation>
    </message>
    <message>
        <source>The project was closed before this could be saved.</source>
        <translation>保存する前にプロジェクトが閉じられました。</translation>
    </message>
    <message>
        <source>Open the project again, then repeat the last step.</source>
        <translation>プロジェクトをもう一度開き、直前の操作をやり直してください。</translation>
    </message>
    <message>
        <source>The work was stopped.</source>
        <translation>作業を中止しました。</translation>
    </message>
    <message>
        <source>What was finished is kept. Start it again whenever you like.</source>
        <translation>終わった分は残っています。いつでも再開できます。</translation>
    </message>
    <message>
        <source>Rashisa ran into a problem of its own.</source>
        <translation>らしさの内部で問題が起きました。</translation>
    </message>
    <message>
        <source>This is a bug. Your work so far is saved. Use &quot;Copy details&quot; and send the text to your support contact.</source>
        <translation>らしさの不具合です。ここまでの作業は保存されています。「詳細をコピー」で内容をコピーし、サポート窓口に送ってください。</translation>
    </message>
    <message>
        <source>Rashisa needs about %1 free at %2. Free some space there, then try again. Everything done so far is saved.</source>
        <translation>%2 に約 %1 の空き容量が必要です。空きを増やしてから、もう一度お試しください。ここまでの作業は保存されています。</translation>
    </message>
    <message>
        <source>Rashisa needs about %1 free at %2, and %3 is free now. Free some space there, then try again. Everything done so far is saved.</source>
        <translation>%2 に約 %1 の空き容量が必要ですが、現在の空きは %3 です。空きを増やしてから、もう一度お試しください。ここまでの作業は保存されています。</translation>
    </message>
    <message>
        <source>The model&apos;s settings file does not match its weights.</source>
        <translation>モデルの設定ファイルが重みと一致しません。</translation>
    </message>
    <message>
        <source>They come from different models. Choose the original model again, or download the model again from where you got it.</source>
        <translation>設定ファイルと重みが別々のモデルのものです。元のモデルを選び直すか、入手元からモデルをダウンロードし直してください。</translation>
    </message>
    <message>
        <source>A weight file of the model is incomplete.</source>
        <translation>モデルの重みファイルが途中までしかありません。</translation>
    </message>
    <message>
        <source>The copy or download did not finish. Copy the model again, or download it again from where you got it.</source>
        <translation>コピーまたはダウンロードが最後まで終わっていません。モデルをもう一度コピーするか、入手元からダウンロードし直してください。</translation>
    </message>
    <message>
        <source>Part of the model&apos;s weights is missing.</source>
        <translation>モデルの重みファイルの一部が見つかりません。</translation>
    </message>
    <message>
        <source>The model is split into several files and not all of them are there. Copy the whole model folder again, or download it again.</source>
        <translation>このモデルは複数のファイルに分かれていますが、一部が足りません。モデルのフォルダーをまるごとコピーし直すか、ダウンロードし直してください。</translation>
    </message>
    <message>
        <source>Part of this model belongs to a different kind of model.</source>
        <translation>このモデルには、種類の違うモデルのファイルが含まれています。</translation>
    </message>
    <message>
        <source>For example, Stable Diffusion 2.x weights are in a 1.5 folder. Choose the original model again, or download the model again from where you got it.</source>
        <translation>たとえば、Stable Diffusion 1.5 のフォルダーに 2.x の重みが入っています。元のモデルを選び直すか、入手元からダウンロードし直してください。</translation>
    </message>
    <message>
        <source>The model&apos;s weights are damaged: they contain invalid numbers.</source>
        <translation>モデルの重みが壊れています（無効な数値が含まれています）。</translation>
    </message>
    <message>
        <source>Images made with it would be only noise or black. Download the model again, or use another copy.</source>
        <translation>このままでは、ノイズや真っ黒な画像しか生成できません。モデルをダウンロードし直すか、別のコピーをお使いください。</translation>
    </message>
    <message>
        <source>The model&apos;s word list (tokenizer) does not fit the model.</source>
        <translation>モデルの語彙ファイル（トークナイザー）がこのモデルに合っていません。</translation>
    </message>
    <message>
        <source>Its tokenizer folder comes from another model or is incomplete. Choose the original model again, or download the model again from where you got it.</source>
        <translation>tokenizer フォルダーが別のモデルのものか、一部が欠けています。元のモデルを選び直すか、入手元からダウンロードし直してください。</translation>
    </message>
    <message>
        <source>This project is open for changes in another program.</source>
        <translation>このプロジェクトは別のプログラムで編集中です。</translation>
    </message>
    <message>
        <source>Close it there (another Rashisa window or rashisa-cli), or open the project read-only.</source>
        <translation>そちら（別の Rashisa ウィンドウまたは rashisa-cli）で閉じるか、プロジェクトを読み取り専用で開いてください。</translation>
    </message>
</context>
<context>
    <name>ExportText</name>
    <message>
        <source>Product</source>
        <translation>商品名</translation>
    </message>
    <message>
        <source>The product&apos;s name</source>
        <translation>商品の名前</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>The template&apos;s short name, such as white-studio</source>
        <translation>テンプレートの短い名前（例：white-studio）</translation>
    </message>
    <message>
        <source>Image no.</source>
        <translation>画像番号</translation>
    </message>
    <message>
        <source>The image&apos;s number in the project (never repeats)</source>
        <translation>プロジェクト内の画像の番号（重複しません）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>The seed the image was made with</source>
        <translation>画像の生成に使ったシード</translation>
    </message>
    <message>
        <source>Batch no.</source>
        <translation>バッチ番号</translation>
    </message>
    <message>
        <source>The number of the batch that made the image</source>
        <translation>画像を生成したバッチの番号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>The day the image was made, as 2026-12-01</source>
        <translation>画像を生成した日（例：2026-12-01）</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>連番</translation>
    </message>
    <message>
        <source>1, 2, 3 … in the order of this export</source>
        <translation>今回の書き出し順に 1, 2, 3 …</translation>
    </message>
    <message>
        <source>Several images would get the same file name. Add %1 or %2 to the pattern.</source>
        <translation>複数の画像が同じファイル名になります。パターンに %1 か %2 を加えてください。</translation>
    </message>
    <message>
        <source>Type a pattern for the file names, for example %1.</source>
        <translation>ファイル名のパターンを入力してください（例：%1）。</translation>
    </message>
    <message>
        <source>Rashisa does not know the placeholder %1. Insert one with the buttons below.</source>
        <translation>%1 は使えない差し込み項目です。下のボタンから挿入してください。</translation>
    </message>
    <message>
        <source>A brace is not closed. Write placeholders as %1, or insert them with the buttons below.</source>
        <translation>括弧が閉じていません。差し込み項目は %1 のように書くか、下のボタンから挿入してください。</translation>
    </message>
    <message>
        <source>control characters</source>
        <translation>制御文字</translation>
    </message>
    <message>
        <source>File names cannot contain %1. Remove it, or use - or _ instead.</source>
        <translation>ファイル名に %1 は使えません。削除するか、- または _ に置き換えてください。</translation>
    </message>
    <message>
        <source>This pattern cannot be used for file names. Start again from %1.</source>
        <translation>このパターンはファイル名に使えません。%1 からやり直してください。</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>1 分未満</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>約 %n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s)</source>
        <translation>
            <numerusform>約 %n 時間</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>約 %1 時間 %2 分</translation>
    </message>
    <message numerus="yes">
        <source>about %n day(s)</source>
        <translation>
            <numerusform>約 %n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s/step</source>
        <translation>%1 秒/ステップ</translation>
    </message>
</context>
<context>
    <name>PhotoText</name>
    <message>
        <source>No photos yet</source>
        <translation>写真がまだありません</translation>
    </message>
    <message>
        <source>Add 5 to 20 photos of the product, taken from different angles.</source>
        <translation>いろいろな角度から撮った商品の写真を 5〜20 枚追加してください。</translation>
    </message>
    <message numerus="yes">
        <source>Only %n photo(s)</source>
        <translation>
            <numerusform>写真が %n 枚だけです</numerusform>
        </translation>
    </message>
    <message>
        <source>Add more: 5 to 20 photos from different angles and distances teach the product&apos;s shape, not just one view of it.</source>
        <translation>もう少し追加してください。角度や距離を変えた写真が 5〜20 枚あると、ひとつの見え方ではなく商品の形そのものを覚えます。</translation>
    </message>
    <message numerus="yes">
        <source>%n photos is more than needed</source>
        <translation>
            <numerusform>写真 %n 枚は多すぎます</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the 20 best and most varied ones. More photos make training slower, not better.</source>
        <translation>変化のある良い写真を 20 枚選んでください。枚数を増やしても仕上がりは良くならず、学習に時間がかかるだけです。</translation>
    </message>
    <message>
        <source>Small photo</source>
        <translation>写真が小さい</translation>
    </message>
    <message>
        <source>Use a photo at least 512 pixels on its shorter side; small photos make soft results.</source>
        <translation>短い辺が 512 ピクセル以上の写真を使ってください。小さい写真では仕上がりがぼやけます。</translation>
    </message>
    <message>
        <source>Blurred photo</source>
        <translation>ぼやけた写真</translation>
    </message>
    <message>
        <source>Replace it with a sharp photo: Rashisa would learn the blur as part of the product.</source>
        <translation>ピントの合った写真に差し替えてください。ぼやけも商品の特徴として覚えてしまいます。</translation>
    </message>
    <message>
        <source>The same photo twice</source>
        <translation>同じ写真が重複しています</translation>
    </message>
    <message>
        <source>Remove the copies and keep one.</source>
        <translation>1 枚だけ残して、ほかは外してください。</translation>
    </message>
    <message>
        <source>Almost the same photos</source>
        <translation>ほとんど同じ写真</translation>
    </message>
    <message>
        <source>Keep one of them, or retake from another angle: with only one view, Rashisa learns only that view.</source>
        <translation>1 枚だけ残すか、別の角度から撮り直してください。同じ見え方ばかりだと、その向きしか覚えません。</translation>
    </message>
    <message>
        <source>The product may be cut off</source>
        <translation>商品が端で切れているかもしれません</translation>
    </message>
    <message>
        <source>If part of the product is outside the photo, use one that shows all of it with some space around it.</source>
        <translation>商品の一部が写っていない場合は、周りに余白をとって全体が写った写真を使ってください。</translation>
    </message>
    <message>
        <source>The product is small in the photo</source>
        <translation>商品が小さく写っています</translation>
    </message>
    <message>
        <source>Crop the photo or take it from closer, so the product fills most of the frame.</source>
        <translation>トリミングするか近づいて撮り、商品が画面の大部分を占めるようにしてください。</translation>
    </message>
    <message>
        <source>Something to check</source>
        <translation>確認してほしい点があります</translation>
    </message>
    <message>
        <source>See &quot;Copy details&quot; for the exact finding.</source>
        <translation>くわしい内容は「詳細をコピー」で確認できます。</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>ファイルが見つかりません</translation>
    </message>
    <message>
        <source>It may have been moved or renamed.</source>
        <translation>移動したか、名前が変わった可能性があります。</translation>
    </message>
    <message>
        <source>File could not be read</source>
        <translation>ファイルを読み込めません</translation>
    </message>
    <message>
        <source>Check that you may open it, then add it again.</source>
        <translation>ファイルを開く権限があるか確かめてから、もう一度追加してください。</translation>
    </message>
    <message>
        <source>Not a photo</source>
        <translation>写真ではありません</translation>
    </message>
    <message>
        <source>Only JPEG, PNG, WebP, TIFF and BMP photos can be added.</source>
        <translation>追加できるのは JPEG・PNG・WebP・TIFF・BMP の写真です。</translation>
    </message>
    <message>
        <source>Format not supported</source>
        <translation>対応していない形式です</translation>
    </message>
    <message>
        <source>Convert it to JPEG or PNG first. On an iPhone, the camera setting &quot;Most Compatible&quot; saves JPEG instead of HEIC.</source>
        <translation>JPEG か PNG に変換してから追加してください。iPhone ではカメラの設定を「互換性優先」にすると、HEIC ではなく JPEG で保存されます。</translation>
    </message>
    <message>
        <source>Photo too large</source>
        <translation>写真が大きすぎます</translation>
    </message>
    <message>
        <source>Scale it down to at most 20,000 pixels per side and add it again.</source>
        <translation>1 辺 20,000 ピクセル以下に縮小してから、もう一度追加してください。</translation>
    </message>
    <message>
        <source>File is incomplete</source>
        <translation>ファイルが途中で切れています</translation>
    </message>
    <message>
        <source>Copy it again, or export it again from the original.</source>
        <translation>コピーし直すか、元データから書き出し直してください。</translation>
    </message>
    <message>
        <source>File is damaged</source>
        <translation>ファイルが壊れています</translation>
    </message>
    <message>
        <source>Export it again from the original.</source>
        <translation>元データから書き出し直してください。</translation>
    </message>
    <message>
        <source>Empty file</source>
        <translation>空のファイルです</translation>
    </message>
    <message>
        <source>The file holds no data; copy it again.</source>
        <translation>中身がありません。コピーし直してください。</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>ディスクの空き容量が足りません</translation>
    </message>
    <message>
        <source>Free some disk space, then add the photo again.</source>
        <translation>空き容量を増やしてから、もう一度追加してください。</translation>
    </message>
    <message>
        <source>Could not be added</source>
        <translation>追加できませんでした</translation>
    </message>
    <message>
        <source>See &quot;Copy details&quot; for the exact reason.</source>
        <translation>くわしい理由は「詳細をコピー」で確認できます。</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>写真 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 to fix</source>
        <translation>%1・要修正 %2 件</translation>
    </message>
    <message>
        <source>%1 · %2 to check</source>
        <translation>%1・確認 %2 件</translation>
    </message>
    <message>
        <source>%1 · ready</source>
        <translation>%1・準備完了</translation>
    </message>
    <message>
        <source>Must fix</source>
        <translation>要修正</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>参考</translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message>
        <source>No time saved yet</source>
        <translation>まだ削減時間はありません</translation>
    </message>
    <message>
        <source>About %1 hours saved</source>
        <translation>約 %1 時間を削減</translation>
    </message>
    <message numerus="yes">
        <source>%n approved image(s) × %1 h (the time a photo shoot takes per finished catalogue image), minus %2 h the computer spent learning and making images.</source>
        <translation>
            <numerusform>承認済み %n 枚 × %1 時間（撮影で完成画像 1 枚にかかる時間）から、パソコンが学習と生成に使った %2 時間を引いた値です。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>画像 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 h saved</source>
        <translation>%1・%2 時間削減</translation>
    </message>
</context>
<context>
    <name>SystemDialogs</name>
    <message>
        <source>New project</source>
        <translation>新しいプロジェクト</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Rashisa projects (*.rashisa)</source>
        <translation>らしさのプロジェクト (*.rashisa)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>写真を選ぶ</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.heic *.heif);;All files (*)</source>
        <translation>写真 (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.heic *.heif);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a folder of photos</source>
        <translation>写真のフォルダーを選ぶ</translation>
    </message>
    <message>
        <source>Choose a Stable Diffusion model folder (diffusers)</source>
        <translation>Stable Diffusion のモデルフォルダー（diffusers 形式）を選ぶ</translation>
    </message>
    <message>
        <source>Choose a Stable Diffusion model file</source>
        <translation>Stable Diffusion のモデルファイルを選ぶ</translation>
    </message>
    <message>
        <source>Stable Diffusion models (*.safetensors)</source>
        <translation>Stable Diffusion のモデル (*.safetensors)</translation>
    </message>
    <message>
        <source>Import templates</source>
        <translation>テンプレートの読み込み</translation>
    </message>
    <message>
        <source>Template files (*.json *.csv);;JSON (*.json);;CSV (*.csv)</source>
        <translation>テンプレートファイル (*.json *.csv);;JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation>表計算ソフト用 CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export templates</source>
        <translation>テンプレートの書き出し</translation>
    </message>
    <message>
        <source>templates</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>Choose the folder for the exported images</source>
        <translation>書き出す画像の保存先フォルダーを選ぶ</translation>
    </message>
</context>
<context>
    <name>TemplateText</name>
    <message>
        <source>DPM++ 2M (recommended)</source>
        <translation>DPM++ 2M（おすすめ）</translation>
    </message>
    <message>
        <source>DPM++ 2M Karras (smoother detail)</source>
        <translation>DPM++ 2M Karras（細部がなめらか）</translation>
    </message>
    <message>
        <source>Euler (quick drafts)</source>
        <translation>Euler（手早い下書き向け）</translation>
    </message>
    <message>
        <source>DDIM (classic)</source>
        <translation>DDIM（従来型）</translation>
    </message>
    <message>
        <source>PNDM (classic)</source>
        <translation>PNDM（従来型）</translation>
    </message>
    <message>
        <source>Give the template an ID: lower-case letters a–z, digits, - and _.</source>
        <translation>テンプレートに ID を付けてください（半角小文字 a〜z、数字、- と _ が使えます）。</translation>
    </message>
    <message>
        <source>The ID may only use lower-case letters a–z, digits, - and _ (no spaces).</source>
        <translation>ID に使えるのは半角小文字 a〜z、数字、- と _ だけです（空白は使えません）。</translation>
    </message>
    <message>
        <source>Two templates have the ID &quot;%1&quot;. Give each template its own ID.</source>
        <translation>ID「%1」のテンプレートが 2 つあります。テンプレートごとに別の ID を付けてください。</translation>
    </message>
    <message>
        <source>The project already has a template with the ID &quot;%1&quot;. Choose another ID.</source>
        <translation>このプロジェクトには ID「%1」のテンプレートがすでにあります。別の ID にしてください。</translation>
    </message>
    <message>
        <source>Give the template a name, in Japanese or in English.</source>
        <translation>テンプレートに名前を付けてください（日本語か英語のどちらか）。</translation>
    </message>
    <message>
        <source>Write the prompt.</source>
        <translation>プロンプトを入力してください。</translation>
    </message>
    <message>
        <source>The prompt needs {product} where the product goes. Use &quot;Insert {product}&quot;.</source>
        <translation>プロンプトには、商品を入れる位置に {product} が必要です。「{product} を挿入」を使ってください。</translation>
    </message>
    <message>
        <source>A { or } has no partner. Write placeholders as {name}; for a brace itself, write {{ or }}.</source>
        <translation>対になっていない { または } があります。差し込みは {名前} の形で書き、括弧そのものは {{ または }} と書いてください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a placeholder. Use letters, digits and _ only, starting with a letter.</source>
        <translation>「%1」は差し込み名に使えません。英字・数字・_ だけを使い、英字で始めてください。</translation>
    </message>
    <message>
        <source>The prompt uses {%1}, but there is no variable with that name. Add the variable or fix the spelling.</source>
        <translation>プロンプトに {%1} がありますが、その名前の変数がありません。変数を追加するか、つづりを直してください。</translation>
    </message>
    <message>
        <source>The variable &quot;%1&quot; is not used. Put {%1} in the prompt, or remove the variable.</source>
        <translation>変数「%1」が使われていません。プロンプトに {%1} を入れるか、変数を削除してください。</translation>
    </message>
    <message>
        <source>There are two variables named &quot;%1&quot;. Rename or remove one of them.</source>
        <translation>「%1」という変数が 2 つあります。どちらかの名前を変えるか、削除してください。</translation>
    </message>
    <message>
        <source>The variable &quot;%1&quot; has no values. Add at least one value, or remove the variable.</source>
        <translation>変数「%1」に値がありません。値を 1 つ以上追加するか、変数を削除してください。</translation>
    </message>
    <message>
        <source>The value &quot;%1&quot; is in the list twice. Remove one of them.</source>
        <translation>値「%1」が 2 回入っています。どちらかを削除してください。</translation>
    </message>
    <message>
        <source>A value is empty. Fill it in, or remove it.</source>
        <translation>空の値があります。入力するか、削除してください。</translation>
    </message>
    <message>
        <source>Width and height must be multiples of 8, from 64 to 2048.</source>
        <translation>幅と高さは 64〜2048 の 8 の倍数にしてください。</translation>
    </message>
    <message>
        <source>Steps must be from 1 to 1000.</source>
        <translation>ステップ数は 1〜1000 にしてください。</translation>
    </message>
    <message>
        <source>Guidance must be from 0 to 50.</source>
        <translation>ガイダンスは 0〜50 にしてください。</translation>
    </message>
    <message>
        <source>Images per prompt must be from 1 to 64.</source>
        <translation>1 プロンプトの枚数は 1〜64 にしてください。</translation>
    </message>
    <message>
        <source>The sampler &quot;%1&quot; is not known. Choose one from the list.</source>
        <translation>サンプラー「%1」は使えません。一覧から選んでください。</translation>
    </message>
    <message>
        <source>This template makes more than 1,000 prompts. Use fewer values.</source>
        <translation>このテンプレートのプロンプトが 1,000 件を超えています。値を減らしてください。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as UTF-8 and import it again.</source>
        <translation>ファイルが UTF-8 のテキストではありません。UTF-8 で保存して、もう一度読み込んでください。</translation>
    </message>
    <message>
        <source>The file is not valid JSON. Check it near the place &quot;Copy details&quot; names.</source>
        <translation>ファイルが正しい JSON ではありません。「詳細をコピー」に出る位置の近くを確認してください。</translation>
    </message>
    <message>
        <source>This CSV line cannot be read. Check its quotes and that it has as many columns as the header.</source>
        <translation>この CSV の行を読み取れません。引用符と、列の数が見出し行と同じかを確認してください。</translation>
    </message>
    <message>
        <source>This is not a Rashisa template file. Export one to see the format.</source>
        <translation>らしさのテンプレートファイルではありません。書き出したファイルで形式を確認できます。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known setting. Check its spelling, or remove it.</source>
        <translation>「%1」は使える項目ではありません。つづりを確認するか、削除してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the wrong kind of value, for example text where a number belongs.</source>
        <translation>「%1」の値の種類が違います（数値の欄に文字が入っているなど）。</translation>
    </message>
    <message>
        <source>The file is too large (over 16 MB). Split it into smaller files.</source>
        <translation>ファイルが大きすぎます（16 MB 超）。小さなファイルに分けてください。</translation>
    </message>
    <message>
        <source>This part cannot be used as it is. &quot;Copy details&quot; shows the exact reason.</source>
        <translation>この部分はこのままでは使えません。くわしい理由は「詳細をコピー」で確認できます。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>ネガティブプロンプト</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>ガイダンス</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>サンプラー</translation>
    </message>
    <message>
        <source>Images per prompt</source>
        <translation>1 プロンプトの枚数</translation>
    </message>
    <message>
        <source>Whole file</source>
        <translation>ファイル全体</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>%1 行目</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot;</source>
        <translation>テンプレート「%1」</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>ファイル</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Rashisa learns a product from a few photos and makes catalogue images of it, on this computer.</source>
        <translation>らしさは、数枚の写真から商品を学習し、カタログ用の画像をこのパソコンの中で作ります。</translation>
    </message>
    <message>
        <source>Language of the window: ja or en.</source>
        <translation>画面の言語（ja または en）。</translation>
    </message>
    <message>
        <source>A project file (.rashisa) to open.</source>
        <translation>開くプロジェクトファイル（.rashisa）。</translation>
    </message>
    <message>
        <source>--lang takes ja or en, not &quot;%1&quot;.</source>
        <translation>--lang には ja か en を指定してください（「%1」は使えません）。</translation>
    </message>
    <message>
        <source>Open the demo (made first if needed): photos and a tiny model Rashisa makes itself, to try everything in a few minutes on any computer.</source>
        <translation>デモを開きます（まだない場合は先に作ります）。らしさが自分で作る写真と小さなモデルで、どのパソコンでも数分ですべての操作を試せます。</translation>
    </message>
    <message>
        <source>--demo opens the demo: give no project with it.</source>
        <translation>--demo はデモを開きます。プロジェクトは一緒に指定しないでください。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::AppController</name>
    <message>
        <source>Checking this computer</source>
        <translation>このパソコンを確認しています</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>先にプロジェクトを開くか、新しく作ってください。</translation>
    </message>
    <message>
        <source>Add photos of the product first.</source>
        <translation>先に商品の写真を追加してください。</translation>
    </message>
    <message>
        <source>Fix the problems marked on the Photos page first.</source>
        <translation>先に「写真」ページで要修正の問題を直してください。</translation>
    </message>
    <message>
        <source>Checking the base model</source>
        <translation>ベースモデルを確認しています</translation>
    </message>
    <message>
        <source>Creating the project</source>
        <translation>プロジェクトを作成しています</translation>
    </message>
    <message>
        <source>Opening the project</source>
        <translation>プロジェクトを開いています</translation>
    </message>
    <message>
        <source>Closing the project</source>
        <translation>プロジェクトを閉じています</translation>
    </message>
    <message>
        <source>Adding photos</source>
        <translation>写真を追加しています</translation>
    </message>
    <message>
        <source>Removing photos</source>
        <translation>写真を外しています</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>保存しています</translation>
    </message>
    <message>
        <source>Checking the category</source>
        <translation>種類を確認しています</translation>
    </message>
    <message>
        <source>Reading the project</source>
        <translation>プロジェクトを読み込んでいます</translation>
    </message>
    <message>
        <source>Resume with less memory</source>
        <translation>メモリを抑えて再開</translation>
    </message>
    <message>
        <source>The project&apos;s base model cannot be used now.</source>
        <translation>このプロジェクトのベースモデルが使えません。</translation>
    </message>
    <message>
        <source>It was not found or could not be read at %1. Put it back, or choose the model again.</source>
        <translation>%1 にないか、読み込めませんでした。元の場所に戻すか、モデルを選び直してください。</translation>
    </message>
    <message>
        <source>The product is trained, but the project file could not give its free space back to the disk yet.</source>
        <translation>学習は終わりましたが、プロジェクトファイルの空き領域をまだディスクに返せていません。</translation>
    </message>
    <message>
        <source>Free some disk space; it is given back the next time training ends.</source>
        <translation>ディスクの空き容量を増やしてください。次に学習が終わったときに返されます。</translation>
    </message>
    <message>
        <source>Training stopped. Everything so far is saved.</source>
        <translation>学習を中止しました。ここまでの内容は保存されています。</translation>
    </message>
    <message>
        <source>Resume it whenever you like; it continues where it stopped.</source>
        <translation>いつでも再開でき、止めたところから続きます。</translation>
    </message>
    <message>
        <source>Measuring the speed of this computer</source>
        <translation>このパソコンの速さを測っています</translation>
    </message>
    <message>
        <source>many hours, possibly days</source>
        <translation>何時間も、場合によっては何日も</translation>
    </message>
    <message>
        <source>Train on the CPU?</source>
        <translation>CPU で学習しますか？</translation>
    </message>
    <message>
        <source>This computer has no GPU that Rashisa can use, so training runs on the CPU. It will take %1. You can pause or stop it at any time; progress is saved.</source>
        <translation>このパソコンにはらしさで使える GPU がないため、CPU で学習します。時間は%1かかります。途中で一時停止や中止をしても、進み具合は保存されます。</translation>
    </message>
    <message>
        <source>Train on the CPU</source>
        <translation>CPU で学習する</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Setting up the product</source>
        <translation>商品の設定をしています</translation>
    </message>
    <message>
        <source>Learning &quot;%1&quot;</source>
        <translation>「%1」を学習しています</translation>
    </message>
    <message>
        <source>Making trial images</source>
        <translation>試しの画像を作っています</translation>
    </message>
    <message>
        <source>Saving the template</source>
        <translation>テンプレートを保存しています</translation>
    </message>
    <message>
        <source>Removing the template</source>
        <translation>テンプレートを削除しています</translation>
    </message>
    <message>
        <source>Checking the template</source>
        <translation>テンプレートを確認しています</translation>
    </message>
    <message>
        <source>Naming the files</source>
        <translation>ファイル名を確認しています</translation>
    </message>
    <message>
        <source>Importing templates</source>
        <translation>テンプレートを読み込んでいます</translation>
    </message>
    <message>
        <source>Writing the templates</source>
        <translation>テンプレートを書き出しています</translation>
    </message>
    <message>
        <source>Making template examples</source>
        <translation>テンプレートの例の画像を作っています</translation>
    </message>
    <message>
        <source>Counting the images</source>
        <translation>枚数を数えています</translation>
    </message>
    <message>
        <source>Recording the batch</source>
        <translation>生成の内容を記録しています</translation>
    </message>
    <message>
        <source>Making images</source>
        <translation>画像を生成しています</translation>
    </message>
    <message>
        <source>Saving the review</source>
        <translation>確認結果を保存しています</translation>
    </message>
    <message>
        <source>Loading the image</source>
        <translation>画像を読み込んでいます</translation>
    </message>
    <message>
        <source>Loading the photo</source>
        <translation>写真を読み込んでいます</translation>
    </message>
    <message>
        <source>Making the image again</source>
        <translation>画像を作り直しています</translation>
    </message>
    <message>
        <source>Exporting images</source>
        <translation>画像を書き出しています</translation>
    </message>
    <message>
        <source>The templates are saved.</source>
        <translation>テンプレートを書き出しました。</translation>
    </message>
    <message>
        <source>The batch stopped. The images made so far are kept.</source>
        <translation>生成を中止しました。ここまでに作った画像は残っています。</translation>
    </message>
    <message>
        <source>Continue it whenever you like; it goes on after the last image.</source>
        <translation>いつでも続きから作れます。最後の画像の次から再開します。</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>モデルファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Choose a model folder…</source>
        <translation>モデルフォルダーを選ぶ…</translation>
    </message>
    <message>
        <source>Demo mug</source>
        <translation>デモ用マグカップ</translation>
    </message>
    <message>
        <source>Preparing the demo</source>
        <translation>デモを準備しています</translation>
    </message>
    <message>
        <source>a few minutes</source>
        <translation>数分</translation>
    </message>
    <message>
        <source>the Rashisa window</source>
        <translation>Rashisa のウィンドウ</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>別のプログラム</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>別のパソコン</translation>
    </message>
    <message>
        <source>It is open for changes in %1 on %2. Close it there, then open the project again to change it.</source>
        <translation>%2 の %1 で編集中です。変更するには、そちらで閉じてからプロジェクトを開き直してください。</translation>
    </message>
    <message>
        <source>This project is open read-only, so nothing can be changed.</source>
        <translation>このプロジェクトは読み取り専用で開いているため、変更できません。</translation>
    </message>
    <message>
        <source>a moment ago</source>
        <translation>少し前</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1 on %2 (user %3) has had it open for changes since %4. You can open it read-only to look at it; to change it, close it there first.</source>
        <translation>%2 の %1（ユーザー：%3）が %4 から編集のために開いています。読み取り専用で開けば内容を確認できます。変更するには、先にそちらで閉じてください。</translation>
    </message>
    <message>
        <source>This project is open in another program</source>
        <translation>このプロジェクトは別のプログラムで開かれています</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>読み取り専用で開く</translation>
    </message>
    <message>
        <source>Opening the project read-only</source>
        <translation>プロジェクトを読み取り専用で開いています</translation>
    </message>
    <message>
        <source>Checking the free disk space</source>
        <translation>空き容量を確認しています</translation>
    </message>
    <message>
        <source>The project is open read-only.</source>
        <translation>読み取り専用で開いています。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::BatchProgressPanel</name>
    <message>
        <source>Images made</source>
        <translation>生成済みの枚数</translation>
    </message>
    <message>
        <source>Steps of the image being made</source>
        <translation>生成中の画像のステップ</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Holds between two steps of the image being made. Everything made so far is stored.</source>
        <translation>生成中の画像のステップの区切りで止めます。ここまでに作った画像は保存されています。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Stops after the current step. The images made so far are kept, and the batch can continue later.</source>
        <translation>今のステップが終わったところで止めます。作った画像は残り、あとから続きを作れます。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n image(s) made</source>
        <translation>
            <numerusform>%n 枚中 %1 枚完了</numerusform>
        </translation>
    </message>
    <message>
        <source>paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>残り%1</translation>
    </message>
    <message>
        <source>%1 s per image</source>
        <translation>1 枚あたり %1 秒</translation>
    </message>
    <message>
        <source>Image %1: step %2 of %3</source>
        <translation>%1 枚目：ステップ %2/%3</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>止めています…</translation>
    </message>
    <message>
        <source>Paused. The image being made goes on from this step when you resume; the images made so far are stored.</source>
        <translation>一時停止中です。再開すると、生成中の画像はこのステップから続きます。ここまでに作った画像は保存されています。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::BatchSummaryCard</name>
    <message>
        <source>Measure this computer</source>
        <translation>このパソコンで測る</translation>
    </message>
    <message>
        <source>Makes one small image (nothing is saved) to learn how long images take here.</source>
        <translation>小さな画像を 1 枚作り（保存はしません）、このパソコンでの所要時間を調べます。</translation>
    </message>
    <message>
        <source>The first prompts as the model reads them:</source>
        <translation>モデルが読むプロンプト（先頭の数件）：</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>数えています…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>Measuring the speed of this computer…</source>
        <translation>このパソコンの速さを測っています…</translation>
    </message>
    <message>
        <source>%1 on this computer</source>
        <translation>このパソコンで%1</translation>
    </message>
    <message>
        <source>Time on this computer: not measured yet</source>
        <translation>このパソコンでの所要時間：まだ測っていません</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n 商品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n テンプレート</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n プロンプト</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) per prompt</source>
        <translation>
            <numerusform>1 プロンプトあたり %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>images per prompt as each template says</source>
        <translation>枚数は各テンプレートの設定どおり</translation>
    </message>
    <message>
        <source>%1 × %2 → %3, %4</source>
        <translation>%1 × %2 → %3、%4</translation>
    </message>
    <message>
        <source>Nothing to make yet</source>
        <translation>まだ生成できるものがありません</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::DemoOffer</name>
    <message>
        <source>Try the demo</source>
        <translation>デモで試す</translation>
    </message>
    <message>
        <source>Photos and a tiny model that Rashisa makes itself. Everything runs on this computer in a few minutes; the images are abstract patterns.</source>
        <translation>らしさが自分で作る写真と小さなモデルを使います。すべてこのパソコンの中で数分で動きます。画像は抽象的な模様になります。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::DeviceWizardPage</name>
    <message>
        <source>This computer</source>
        <translation>このパソコン</translation>
    </message>
    <message>
        <source>A short check measures a few training and generation steps, so Rashisa can pick the memory setting and tell you how long work takes here. Nothing is saved in a project.</source>
        <translation>数ステップ試して、メモリの設定とかかる時間を決めます。何も保存しません。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>使う装置</translation>
    </message>
    <message>
        <source>Memory setting</source>
        <translation>メモリの設定</translation>
    </message>
    <message>
        <source>Learning a product</source>
        <translation>商品の学習</translation>
    </message>
    <message numerus="yes">
        <source>%n catalogue image(s)</source>
        <translation>
            <numerusform>カタログ画像 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>You can run this check again at any time: Settings &gt; Run the first-start check again.</source>
        <translation>このチェックは「設定」＞「初回チェックをもう一度行う」からいつでもやり直せます。</translation>
    </message>
    <message>
        <source>Chosen when the check of this computer is done.</source>
        <translation>このパソコンの確認が終わると決まります。</translation>
    </message>
    <message>
        <source>Automatic: the CPU works with the computer&apos;s memory.</source>
        <translation>自動（CPU はパソコンのメモリを使います）</translation>
    </message>
    <message>
        <source>Automatic: chosen from the free GPU memory each time training starts.</source>
        <translation>自動（学習を始めるたびに GPU の空きメモリから選びます）</translation>
    </message>
    <message>
        <source>%1, chosen for this GPU&apos;s %2 of memory. You can change it in Preferences.</source>
        <translation>%1（この GPU のメモリ %2 に合わせて選びました）。環境設定で変更できます。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>%1 with %2 of memory</source>
        <translation>%1（メモリ %2）</translation>
    </message>
    <message>
        <source>No GPU that Rashisa can use. Everything works on the CPU, but learning a product takes many hours: leave it running, for example overnight. It can pause and resume.</source>
        <translation>らしさが使える GPU がありません。すべて CPU で動きますが、商品の学習には何時間もかかります。夜のあいだなど、動かしたままにしておいてください。一時停止と再開もできます。</translation>
    </message>
    <message>
        <source>%1 (Standard)</source>
        <translation>%1（標準）</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>まだ測っていません</translation>
    </message>
    <message>
        <source>%1 (%2 steps each, %3 px)</source>
        <translation>%1（1 枚あたり %2 ステップ、%3 px）</translation>
    </message>
    <message>
        <source>Measuring… this takes a minute or two on a GPU, longer on a CPU.</source>
        <translation>測っています… GPU なら 1〜2 分、CPU ではもっとかかります。</translation>
    </message>
    <message>
        <source>Wait until the check of this computer is done.</source>
        <translation>このパソコンの確認が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Wait until the model is checked.</source>
        <translation>モデルの確認が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Choose a base model first (previous page): the measurement runs on it.</source>
        <translation>先にベースモデルを選んでください（前のページ）。測定はそのモデルで行います。</translation>
    </message>
    <message>
        <source>Wait until the work in progress ends.</source>
        <translation>実行中の作業が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation>測り直す</translation>
    </message>
    <message>
        <source>Measure this computer</source>
        <translation>このパソコンで測る</translation>
    </message>
    <message>
        <source>Measured here. The Learn and Generate pages use these times, and each run makes them more exact.</source>
        <translation>このパソコンで測りました。学習と生成のページでこの時間を使い、実行するたびに精度が上がります。</translation>
    </message>
    <message>
        <source>Takes a minute or two on a GPU, longer on a CPU.</source>
        <translation>GPU なら 1〜2 分、CPU ではもっとかかります。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::EnvironmentCard</name>
    <message>
        <source>Is this computer ready?</source>
        <translation>このパソコンの準備</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>Rashisa never downloads anything. Choose the Stable Diffusion 1.5 or 2.1 model you already have on this computer.</source>
        <translation>らしさは何もダウンロードしません。このパソコンにある Stable Diffusion 1.5 または 2.1 のモデルを選んでください。</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>ディスクの空き容量</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>%1 (%2 memory)</source>
        <translation>%1（メモリ %2）</translation>
    </message>
    <message>
        <source>No GPU that Rashisa can use. Everything works on the CPU, but training a product takes many hours.</source>
        <translation>らしさで使える GPU がありません。すべて CPU で動きますが、商品の学習には何時間もかかります。</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2・%3）</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>diffusers フォルダー</translation>
    </message>
    <message>
        <source>single file</source>
        <translation>単一ファイル</translation>
    </message>
    <message>
        <source>The chosen model cannot be used. Choose it again.</source>
        <translation>選んだモデルが使えません。もう一度選んでください。</translation>
    </message>
    <message>
        <source>Not chosen yet.</source>
        <translation>まだ選ばれていません。</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1 free at %2</source>
        <translation>空き %1（%2）</translation>
    </message>
    <message>
        <source>Training saves its progress in the project file and needs about 25 GB.</source>
        <translation>学習中は進み具合をプロジェクトファイルに保存するため、25 GB ほど必要です。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::ExportPage</name>
    <message>
        <source>Export the approved images</source>
        <translation>承認した画像の書き出し</translation>
    </message>
    <message>
        <source>Images to export</source>
        <translation>書き出す画像</translation>
    </message>
    <message>
        <source>Only approved images leave the project.</source>
        <translation>プロジェクトの外に出せるのは承認済みの画像だけです。</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>書き出し先フォルダー</translation>
    </message>
    <message>
        <source>The folder the files are written to</source>
        <translation>ファイルを書き出すフォルダー</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>書き出し先フォルダーを選ぶ</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>PNG (lossless)</source>
        <translation>PNG（劣化なし）</translation>
    </message>
    <message>
        <source>JPEG</source>
        <translation>JPEG</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>画質</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>JPEG の画質</translation>
    </message>
    <message>
        <source>Higher is sharper and larger. 92 suits catalogues and web shops.</source>
        <translation>数値が大きいほど鮮明になり、ファイルも大きくなります。カタログやネットショップには 92 が適しています。</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>File names</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>Always written into every file</source>
        <translation>すべてのファイルに必ず記録される情報</translation>
    </message>
    <message>
        <source>The AI label (IPTC DigitalSourceType: trainedAlgorithmicMedia), the seed, the settings and the base model&apos;s hash, so anyone can see the image was made by AI and you can make it again.</source>
        <translation>AI 生成の表示（IPTC DigitalSourceType: trainedAlgorithmicMedia）、シード、設定、ベースモデルのハッシュです。AI で作った画像であることが誰にでもわかり、同じ画像を作り直すこともできます。</translation>
    </message>
    <message>
        <source>Also include the prompt text</source>
        <translation>プロンプトの文面も含める</translation>
    </message>
    <message>
        <source>Off unless you tick it: the prompt wording can show your plans or know-how to whoever receives the files. The project always keeps it.</source>
        <translation>チェックしたときだけ含めます。プロンプトの文面から、ファイルを受け取った人に企画やノウハウが伝わることがあるためです。プロジェクトには常に保存されています。</translation>
    </message>
    <message>
        <source>Also make a contact sheet (PDF)</source>
        <translation>コンタクトシート（PDF）も作る</translation>
    </message>
    <message>
        <source>%1 in the same folder: every image on A4 pages with its file name, product, template, seed and review state, for review meetings.</source>
        <translation>同じフォルダーに %1 を作ります。全画像を A4 に並べ、ファイル名・商品・テンプレート・シード・確認状態を添えます。確認の打ち合わせに使えます。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message numerus="yes">
        <source>All approved images (%n)</source>
        <translation>
            <numerusform>承認済みのすべての画像（%n 枚）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approved images of batch %1, %2 (%n)</source>
        <translation>
            <numerusform>バッチ %1（%2）の承認済み画像（%n 枚）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approved images of batch %1 (%n)</source>
        <translation>
            <numerusform>バッチ %1 の承認済み画像（%n 枚）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export %n image(s)</source>
        <translation>
            <numerusform>%n 枚を書き出す</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>先にプロジェクトを開いてください。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <source>Approve images on the Review page first.</source>
        <translation>先に「確認」ページで画像を承認してください。</translation>
    </message>
    <message>
        <source>Choose a folder to export to.</source>
        <translation>書き出し先のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Change the file-name pattern first.</source>
        <translation>先にファイル名のパターンを直してください。</translation>
    </message>
    <message>
        <source>Starts when the job in progress ends.</source>
        <translation>実行中の作業が終わってから始まります。</translation>
    </message>
    <message>
        <source>Replace existing files?</source>
        <translation>既存のファイルを置き換えますか？</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with these names are already in the folder, for example %1. Replace them with the images of this export? The old files cannot be brought back.</source>
        <translation>
            <numerusform>同じ名前のファイルがフォルダーに %n 件あります（例：%1）。今回書き出す画像で置き換えますか？元のファイルは元に戻せません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換える</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>何も書き出していません。</translation>
    </message>
    <message>
        <source>Choose another folder or change the file-name pattern, then export again.</source>
        <translation>別のフォルダーを選ぶか、ファイル名のパターンを変えてから、もう一度書き出してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) exported.</source>
        <translation>
            <numerusform>%n 枚を書き出しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact sheet: %1</source>
        <translation>コンタクトシート：%1</translation>
    </message>
    <message>
        <source>The export was stopped.</source>
        <translation>書き出しを中止しました。</translation>
    </message>
    <message>
        <source>The files written so far are in the folder. Export again to write the rest.</source>
        <translation>ここまでに書き出したファイルはフォルダーにあります。残りはもう一度書き出してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with these names are already in the folder.</source>
        <translation>
            <numerusform>同じ名前のファイルがフォルダーに %n 件あります。</numerusform>
        </translation>
    </message>
    <message>
        <source>For example %1. Nothing was exported. Replace them, or choose another folder or file-name pattern.</source>
        <translation>例：%1。何も書き出していません。置き換えるか、別のフォルダーやファイル名のパターンを選んでください。</translation>
    </message>
    <message>
        <source>Replace them</source>
        <translation>置き換える</translation>
    </message>
    <message>
        <source>The folder could not be opened.</source>
        <translation>フォルダーを開けませんでした。</translation>
    </message>
    <message>
        <source>Open it in your file manager: %1</source>
        <translation>ファイルマネージャーで開いてください：%1</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::FieldProblem</name>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::FindingsPanel</name>
    <message>
        <source>To check</source>
        <translation>確認してほしいこと</translation>
    </message>
    <message>
        <source>No problems found. These photos are ready for learning.</source>
        <translation>問題は見つかりませんでした。この写真で学習できます。</translation>
    </message>
    <message>
        <source>Keep only the first</source>
        <translation>最初の 1 枚だけ残す</translation>
    </message>
    <message>
        <source>Remove this photo</source>
        <translation>この写真を外す</translation>
    </message>
    <message>
        <source>Remove these photos</source>
        <translation>これらの写真を外す</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Select these photos in the grid</source>
        <translation>一覧でこれらの写真を選択します</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>写真を追加…</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::FirstStartWizard</name>
    <message>
        <source>Getting started with Rashisa</source>
        <translation>らしさを始める準備</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>あとで</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::GeneratePage</name>
    <message>
        <source>Make catalogue images</source>
        <translation>カタログ画像を生成</translation>
    </message>
    <message>
        <source>Make images</source>
        <translation>画像を生成</translation>
    </message>
    <message>
        <source>Review these images</source>
        <translation>これらの画像を確認</translation>
    </message>
    <message>
        <source>Images of the batch</source>
        <translation>この生成の画像</translation>
    </message>
    <message numerus="yes">
        <source>The last batch stopped after %1 of %n image(s).</source>
        <translation>
            <numerusform>前回の生成は %1/%n 枚で止まりました。</numerusform>
        </translation>
    </message>
    <message>
        <source>The images made so far are kept. Continue after the last one, or make a new batch.</source>
        <translation>作った画像は残っています。続きから作るか、新しく生成してください。</translation>
    </message>
    <message>
        <source>Continue from there</source>
        <translation>続きから作る</translation>
    </message>
    <message numerus="yes">
        <source>This batch: %n image(s) so far</source>
        <translation>
            <numerusform>今回の生成：ここまで %n 枚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Made before it stopped: %n image(s)</source>
        <translation>
            <numerusform>止まるまでに作った画像：%n 枚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last batch: %n image(s)</source>
        <translation>
            <numerusform>前回の生成：%n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>The images appear here as they are made.</source>
        <translation>生成した画像はここに順に表示されます。</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>先にプロジェクトを開くか、新しく作ってください。</translation>
    </message>
    <message>
        <source>Learn a product on the Learn page first; then choose it here.</source>
        <translation>先に「学習」ページで商品を学習させてから、ここで選んでください。</translation>
    </message>
    <message>
        <source>Learn a product first.</source>
        <translation>先に商品を学習させてください。</translation>
    </message>
    <message>
        <source>A batch is being made. Wait for it, or stop it.</source>
        <translation>生成中です。終わるまで待つか、中止してください。</translation>
    </message>
    <message>
        <source>Wait until the product has finished learning.</source>
        <translation>商品の学習が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>Choose at least one product.</source>
        <translation>商品を 1 つ以上選んでください。</translation>
    </message>
    <message>
        <source>Add templates on the Templates page first.</source>
        <translation>先に「テンプレート」ページでテンプレートを追加してください。</translation>
    </message>
    <message>
        <source>Choose at least one template.</source>
        <translation>テンプレートを 1 つ以上選んでください。</translation>
    </message>
    <message>
        <source>Counting the images…</source>
        <translation>枚数を数えています…</translation>
    </message>
    <message numerus="yes">
        <source>Make %n image(s)</source>
        <translation>
            <numerusform>%n 枚を生成</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::GenerateSetupPanel</name>
    <message>
        <source>Advanced settings</source>
        <translation>詳細設定</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Trained products</source>
        <translation>学習済みの商品</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <source>None</source>
        <translation>すべて解除</translation>
    </message>
    <message>
        <source>Tick all templates</source>
        <translation>テンプレートをすべて選択</translation>
    </message>
    <message>
        <source>Untick all templates</source>
        <translation>テンプレートの選択をすべて解除</translation>
    </message>
    <message>
        <source>As each template says</source>
        <translation>テンプレートの設定どおり</translation>
    </message>
    <message>
        <source>How many images each prompt makes, each with its own seed.</source>
        <translation>1 つのプロンプトから作る枚数です。1 枚ごとに別のシードを使います。</translation>
    </message>
    <message>
        <source>Images per prompt</source>
        <translation>1 プロンプトあたりの枚数</translation>
    </message>
    <message>
        <source>Seeds count up from here. The same seed and settings make the same image again.</source>
        <translation>シードはこの値から順に増えます。同じシードと設定なら、同じ画像をもう一度作れます。</translation>
    </message>
    <message>
        <source>First seed</source>
        <translation>最初のシード</translation>
    </message>
    <message>
        <source>More steps take longer and add a little detail.</source>
        <translation>ステップ数を増やすと時間がかかり、細部が少し増えます。</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>How closely the image follows the prompt. 7.5 suits most catalogue images.</source>
        <translation>プロンプトにどれだけ忠実に従うかです。カタログ画像にはたいてい 7.5 が合います。</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>ガイダンス</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>サンプラー</translation>
    </message>
    <message>
        <source>%1 × %1 px</source>
        <translation>%1 × %1 px</translation>
    </message>
    <message>
        <source>Square images. Sizes far from the model&apos;s own (512 px) can repeat the product.</source>
        <translation>正方形の画像です。モデル本来のサイズ（512 px）から大きく離れると、商品が重複して描かれることがあります。</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::ImageInfoPanel</name>
    <message>
        <source>Settings of this image</source>
        <translation>この画像の設定</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>ネガティブプロンプト</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>サンプラー</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>ガイダンス</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>変数の値</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成日時</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Choose an image to see how it was made.</source>
        <translation>画像を選ぶと、その作り方（設定）が表示されます。</translation>
    </message>
    <message>
        <source>Make again with these settings</source>
        <translation>この設定で作り直す</translation>
    </message>
    <message>
        <source>Makes this image again from its record and shows both, to check that it can be reproduced. Nothing is stored.</source>
        <translation>記録された設定でこの画像をもう一度作り、並べて表示して再現できるか確かめます。保存はしません。</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>同じ設定で増やす</translation>
    </message>
    <message numerus="yes">
        <source>The same prompt and settings with %n new seed(s), as a new small batch.</source>
        <translation>
            <numerusform>同じプロンプトと設定で、新しいシードの画像を %n 枚、小さな生成として作ります。</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>A removed product</source>
        <translation>削除された商品</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1（%2、%3）</translation>
    </message>
    <message>
        <source>Making it again…</source>
        <translation>作り直しています…</translation>
    </message>
    <message>
        <source>Made again: identical to the stored image.</source>
        <translation>作り直した画像は、保存済みの画像と一致しました。</translation>
    </message>
    <message>
        <source>Made again: it differs from the stored image. Another device or base model file can change small details.</source>
        <translation>作り直した画像は、保存済みの画像と異なります。別の装置やベースモデルのファイルでは、細部が変わることがあります。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::JobBar</name>
    <message>
        <source>Progress of the current job</source>
        <translation>実行中の作業の進み具合</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Stage %1 of 3: %2</source>
        <translation>段階 %1/3：%2</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>モデルを読み込んでいます</translation>
    </message>
    <message>
        <source>Photo %1 of %2</source>
        <translation>写真 %1/%2</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>ステップ %1/%2</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>画像 %1/%2</translation>
    </message>
    <message>
        <source>%1 / %2 steps</source>
        <translation>%1/%2 ステップ</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>残り%1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Nothing is running.</source>
        <translation>実行中の作業はありません。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Save and stop</source>
        <translation>保存して中止</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Making the demo model</source>
        <translation>デモ用のモデルを作っています</translation>
    </message>
    <message>
        <source>Drawing demo photo %1 of %2</source>
        <translation>デモ用の写真を作っています %1/%2</translation>
    </message>
    <message>
        <source>Making the demo project</source>
        <translation>デモ用のプロジェクトを作っています</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::LanguageWizardPage</name>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Three short steps get Rashisa ready on this computer: the language, the base model, and a check of how fast this computer is.</source>
        <translation>3 つの簡単な手順で、このパソコンでらしさを使う準備をします。言語、ベースモデル、パソコンの速さの確認です。</translation>
    </message>
    <message>
        <source>Which language should Rashisa use?</source>
        <translation>らしさで使う言語を選んでください。</translation>
    </message>
    <message>
        <source>The new language is used the next time Rashisa starts.</source>
        <translation>新しい言語は、次にらしさを起動したときから使われます。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::LearnPage</name>
    <message>
        <source>Learn the product</source>
        <translation>商品を学習</translation>
    </message>
    <message>
        <source>Change model…</source>
        <translation>モデルを変更…</translation>
    </message>
    <message>
        <source>Start over?</source>
        <translation>最初からやり直しますか？</translation>
    </message>
    <message>
        <source>The saved progress of &quot;%1&quot; is discarded and training starts again from the beginning.</source>
        <translation>「%1」の保存済みの進み具合を破棄して、学習を最初からやり直します。</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <source>Keep the progress</source>
        <translation>進み具合を残す</translation>
    </message>
    <message>
        <source>Choose the base model</source>
        <translation>ベースモデルを選んでください</translation>
    </message>
    <message>
        <source>Rashisa learns your product on top of Stable Diffusion 1.5 or 2.1. Choose the model file (.safetensors) or its diffusers folder on this computer. Rashisa never downloads anything.</source>
        <translation>らしさは Stable Diffusion 1.5 または 2.1 をもとに商品を学習します。このパソコンにあるモデルファイル（.safetensors）か diffusers 形式のフォルダーを選んでください。らしさは何もダウンロードしません。</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>モデルファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Choose a model folder…</source>
        <translation>モデルフォルダーを選ぶ…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開する</translation>
    </message>
    <message>
        <source>No product name yet</source>
        <translation>商品名がまだありません</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n photo(s)</source>
        <translation>
            <numerusform>%1・%2・写真 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>Base model: %1 (%2)</source>
        <translation>ベースモデル：%1（%2）</translation>
    </message>
    <message>
        <source>The last training stopped in stage %1 (%2) at step %3 of %4. Resume it, or start over.</source>
        <translation>前回の学習は段階 %1（%2）の %3/%4 ステップで中断しました。続きから再開するか、最初からやり直せます。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has learned your product. Try it with a prompt of your own.</source>
        <translation>「%1」の学習が終わりました。プロンプトを書いて試してみましょう。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::LearnSetupPanel</name>
    <message>
        <source>Advanced settings</source>
        <translation>詳細設定</translation>
    </message>
    <message>
        <source>Start learning</source>
        <translation>学習を始める</translation>
    </message>
    <message>
        <source>Standard (recommended)</source>
        <translation>標準（おすすめ）</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>速い</translation>
    </message>
    <message>
        <source>The method&apos;s own settings: learns the product&apos;s details thoroughly.</source>
        <translation>手法どおりの設定です。商品の細部までしっかり覚えます。</translation>
    </message>
    <message>
        <source>A shorter final stage, for a first try. Fine details may come out less exact.</source>
        <translation>仕上げの段階を短くします。まず試したいときに。細部の再現は少し甘くなることがあります。</translation>
    </message>
    <message>
        <source>Measure this computer</source>
        <translation>このパソコンで測る</translation>
    </message>
    <message>
        <source>Runs a few training steps of each stage (nothing is saved) to estimate the time.</source>
        <translation>各段階を数ステップだけ実際に動かして（何も保存しません）、かかる時間を見積もります。</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>The size the photos are learned at. 512 suits Stable Diffusion 1.5 and 2.1-base.</source>
        <translation>学習するときの写真の大きさです。Stable Diffusion 1.5 と 2.1-base には 512 が合います。</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解像度</translation>
    </message>
    <message>
        <source>Steps of stage %1</source>
        <translation>段階 %1 のステップ数</translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation>段階 %1</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>The same seed and photos give the same result.</source>
        <translation>同じシードと写真からは、同じ結果になります。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Only at the end of each stage</source>
        <translation>各段階の終わりだけ</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> ステップごと</translation>
    </message>
    <message>
        <source>Preview every</source>
        <translation>プレビューの間隔</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分ごと</translation>
    </message>
    <message>
        <source>How often progress is saved into the project during long stages. Each save of the final stage writes about 10 GB.</source>
        <translation>長い段階の途中で、進み具合をプロジェクトに保存する間隔です。最後の段階では 1 回の保存で約 10 GB を書き込みます。</translation>
    </message>
    <message>
        <source>Save progress every</source>
        <translation>途中保存の間隔</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>使う装置</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <source>%1 on this computer</source>
        <translation>このパソコンで%1</translation>
    </message>
    <message>
        <source>Measuring… this takes a minute on a GPU, longer on a CPU.</source>
        <translation>測っています… GPU なら 1 分ほど、CPU ではもっとかかります。</translation>
    </message>
    <message>
        <source>Times are measured on this computer and refined by each run.</source>
        <translation>時間はこのパソコンで測った値で、学習するたびに精度が上がります。</translation>
    </message>
    <message>
        <source>The time on this computer is not known yet.</source>
        <translation>このパソコンでかかる時間はまだわかりません。</translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation>測り直す</translation>
    </message>
    <message>
        <source>Choose the base model first.</source>
        <translation>先にベースモデルを選んでください。</translation>
    </message>
    <message>
        <source>Give the product a name on the Photos page.</source>
        <translation>「写真」ページで商品名を入力してください。</translation>
    </message>
    <message>
        <source>Choose what kind of product it is on the Photos page.</source>
        <translation>「写真」ページで商品の種類を選んでください。</translation>
    </message>
    <message>
        <source>Training is already running.</source>
        <translation>学習はすでに動いています。</translation>
    </message>
    <message>
        <source>Wait until the measurement is done.</source>
        <translation>測定が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Set for the demo: %1 px, %2 / %3 / %4 steps, %5 images at a time. Learning takes a few minutes, even on a CPU.</source>
        <translation>デモ用の設定です：%1 px、%2 / %3 / %4 ステップ、一度に %5 枚。CPU でも数分で学習できます。</translation>
    </message>
    <message>
        <source>Only %1 is free in %2, and learning this product needs about %3 there. Free some space there before you start; otherwise learning stops when the disk is full (you can resume it once there is space).</source>
        <translation>%2 の空き容量は %1 ですが、この商品の学習には約 %3 が必要です。開始する前に空きを増やしてください。足りないまま始めると、ディスクがいっぱいになった時点で学習が止まります（空きを増やせば続きから再開できます）。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::LossChart</name>
    <message>
        <source>Training loss chart</source>
        <translation>学習の損失グラフ</translation>
    </message>
    <message>
        <source>How far the model&apos;s guesses are from the truth while it learns; lower is better. The line is noisy by nature: watch the bold trend.</source>
        <translation>学習中のモデルの予測と正解とのずれです。低いほど良い状態です。細い線はもともと上下するので、太い線の傾向を見てください。</translation>
    </message>
    <message>
        <source>The loss is drawn here while training runs.</source>
        <translation>学習中はここに損失のグラフが表示されます。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::MainWindow</name>
    <message>
        <source>Rashisa</source>
        <translation>らしさ</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>はじめに</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>写真</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新しいプロジェクト(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>プロジェクトを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>Stop training?</source>
        <translation>学習を中止しますか？</translation>
    </message>
    <message>
        <source>Closing the project stops the training. Everything so far is saved, and it can resume later.</source>
        <translation>プロジェクトを閉じると学習は中止されます。ここまでの内容は保存され、あとで再開できます。</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>保存して閉じる</translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation>学習を続ける</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>システムと同じ</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Rashisa</source>
        <translation>らしさについて(&amp;A)</translation>
    </message>
    <message>
        <source>About Rashisa</source>
        <translation>らしさについて</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rashisa %1&lt;/b&gt;&lt;p&gt;Learns a product from a few photos and makes catalogue images of it, on this computer. Nothing is uploaded or downloaded.&lt;/p&gt;</source>
        <translation>&lt;b&gt;らしさ %1&lt;/b&gt;&lt;p&gt;数枚の写真から商品を学習し、カタログ用の画像をこのパソコンの中で作ります。アップロードもダウンロードも一切しません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language is used the next time Rashisa starts.</source>
        <translation>新しい言語は、次にらしさを起動したときから使われます。</translation>
    </message>
    <message>
        <source>%1 — Rashisa</source>
        <translation>%1 — らしさ</translation>
    </message>
    <message>
        <source>Open or create a project</source>
        <translation>プロジェクトを開くか作成</translation>
    </message>
    <message>
        <source>Add photos first</source>
        <translation>先に写真を追加</translation>
    </message>
    <message>
        <source>Add 5 to 20 photos</source>
        <translation>写真を 5〜20 枚追加</translation>
    </message>
    <message>
        <source>Something to fix</source>
        <translation>直すところがあります</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>写真 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos must be ready first</source>
        <translation>先に写真の準備が必要です</translation>
    </message>
    <message>
        <source>Learning…</source>
        <translation>学習中…</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>学習済み</translation>
    </message>
    <message>
        <source>Stopped; can resume</source>
        <translation>中断中・再開できます</translation>
    </message>
    <message>
        <source>Ready to start</source>
        <translation>始められます</translation>
    </message>
    <message>
        <source>Quit Rashisa?</source>
        <translation>らしさを終了しますか？</translation>
    </message>
    <message>
        <source>A product is learning. Rashisa saves the progress and stops; it resumes where it stopped the next time you open the project.</source>
        <translation>商品を学習中です。進み具合を保存して止めます。次にプロジェクトを開くと、止めたところから再開できます。</translation>
    </message>
    <message>
        <source>Work is still running. Rashisa stops it; what is finished is kept.</source>
        <translation>まだ作業中です。作業を止めますが、終わった分は残ります。</translation>
    </message>
    <message>
        <source>Save and quit</source>
        <translation>保存して終了</translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>止めて終了</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>作業を続ける</translation>
    </message>
    <message>
        <source>Saving the training progress…</source>
        <translation>学習の進み具合を保存しています…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>止めています…</translation>
    </message>
    <message>
        <source>Choose the base model</source>
        <translation>ベースモデルを選択</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>Run the first-start check again…</source>
        <translation>初回チェックをもう一度行う…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Log file (for support):&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;ログファイル（サポート用）：&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>テンプレート %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Learn a product first</source>
        <translation>先に商品を学習</translation>
    </message>
    <message>
        <source>Making images…</source>
        <translation>生成中…</translation>
    </message>
    <message>
        <source>A batch can continue</source>
        <translation>続きから作れます</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) made</source>
        <translation>
            <numerusform>%n 枚生成済み</numerusform>
        </translation>
    </message>
    <message>
        <source>Make images first</source>
        <translation>先に画像を生成</translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>未確認 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve images first</source>
        <translation>先に画像を承認</translation>
    </message>
    <message numerus="yes">
        <source>%n approved</source>
        <translation>
            <numerusform>承認済み %n 枚</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::MessageBar</name>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>このメッセージを閉じる</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::ModelWizardPage</name>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>Rashisa makes images with a Stable Diffusion 1.5 or 2.1 model that is already on this computer: a .safetensors file or a folder in the diffusers layout.</source>
        <translation>このパソコンにある Stable Diffusion 1.5／2.1 のモデルで画像を作ります。</translation>
    </message>
    <message>
        <source>Rashisa never downloads anything.</source>
        <translation>らしさは何もダウンロードしません。</translation>
    </message>
    <message>
        <source>No model at hand? Go on without it and choose it later on the Start page. Photos, templates and settings work without a model; learning a product and making images need one.</source>
        <translation>モデルが手元にない場合は、このまま進んで、あとで「はじめに」ページで選べます。写真・テンプレート・設定はモデルがなくても使えます。商品の学習と画像の生成にはモデルが必要です。</translation>
    </message>
    <message>
        <source>Checking the model… (only its description is read; this takes a moment)</source>
        <translation>モデルを確認しています…（構成情報だけを読むので、すぐに終わります）</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>diffusers フォルダー</translation>
    </message>
    <message>
        <source>single file</source>
        <translation>単一ファイル</translation>
    </message>
    <message>
        <source>%1 — %2, %3, made for %4 px. Ready to use.</source>
        <translation>%1 — %2・%3・%4 px 向け。使える状態です。</translation>
    </message>
    <message>
        <source>No model chosen yet.</source>
        <translation>モデルはまだ選ばれていません。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::NamePatternPanel</name>
    <message>
        <source>File-name pattern</source>
        <translation>ファイル名のパターン</translation>
    </message>
    <message>
        <source>Each image&apos;s file name; the extension (.png or .jpg) is added.</source>
        <translation>各画像のファイル名です。拡張子（.png または .jpg）は自動で付きます。</translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation>挿入：</translation>
    </message>
    <message>
        <source>Inserts %1: %2</source>
        <translation>%1 を挿入：%2</translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>%1 を挿入</translation>
    </message>
    <message>
        <source>The first file names:</source>
        <translation>最初のファイル名：</translation>
    </message>
    <message>
        <source>(no approved images yet)</source>
        <translation>（承認済みの画像はまだありません）</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…ほか %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::Page</name>
    <message>
        <source>Demo model: for trying the workflow. Its images are abstract patterns.</source>
        <translation>デモ用のモデルを使っています。操作を試すためのもので、画像は抽象的な模様になります。</translation>
    </message>
    <message>
        <source>For real product images, choose a Stable Diffusion 1.5 or 2.1 model file.</source>
        <translation>実際の商品画像を作るには、Stable Diffusion 1.5 / 2.1 のモデルファイルを選んでください。</translation>
    </message>
    <message>
        <source>Choose a model…</source>
        <translation>モデルを選ぶ…</translation>
    </message>
    <message>
        <source>Read-only: you can look at this project but not change it.</source>
        <translation>読み取り専用：このプロジェクトは確認のみで、変更はできません。</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>開き直す</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::PhotoListModel</name>
    <message>
        <source>%1
%2 × %3 pixels</source>
        <translation>%1
%2 × %3 ピクセル</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::PhotosPage</name>
    <message>
        <source>Photos of the product</source>
        <translation>商品の写真</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>商品名</translation>
    </message>
    <message>
        <source>e.g. Blue glazed mug</source>
        <translation>例：青釉のマグカップ</translation>
    </message>
    <message>
        <source>What is it?</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Kind of product</source>
        <translation>商品の種類</translation>
    </message>
    <message>
        <source>Choose the word that says what the product is. Rashisa passes the English word to the model, which already knows what such things look like.</source>
        <translation>商品が何なのかを表す言葉を選んでください。モデルには英単語で伝わり、モデルはそれがどんな見た目のものかをすでに知っています。</translation>
    </message>
    <message>
        <source>Choose or type one English word</source>
        <translation>選ぶか、英単語をひとつ入力</translation>
    </message>
    <message>
        <source>The photos cannot change while the product is learning from them.</source>
        <translation>学習中は写真を変更できません。</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>写真を追加…</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>選んだ写真を外す</translation>
    </message>
    <message>
        <source>Next: learn the product</source>
        <translation>次へ：商品を学習</translation>
    </message>
    <message>
        <source>Drag photos of the product here (5 to 20)</source>
        <translation>商品の写真をここにドラッグ（5〜20 枚）</translation>
    </message>
    <message>
        <source>Files or whole folders. Take the product from different angles and distances, sharp and well lit, ideally on a plain background.</source>
        <translation>ファイルでもフォルダーごとでもかまいません。角度や距離を変えて、ピントの合った明るい写真を。背景は無地が理想です。</translation>
    </message>
    <message>
        <source>Choose photos…</source>
        <translation>写真を選ぶ…</translation>
    </message>
    <message>
        <source>Photos are kept in the project file without location, camera serial numbers or owner names. They never leave this computer.</source>
        <translation>写真は位置情報・カメラのシリアル番号・所有者名を取り除いてプロジェクトファイルに保存します。このパソコンの外に出ることはありません。</translation>
    </message>
    <message>
        <source>Photos in the project</source>
        <translation>プロジェクトの写真</translation>
    </message>
    <message>
        <source>Give the product a name.</source>
        <translation>商品名を入力してください。</translation>
    </message>
    <message>
        <source>Choose what kind of product it is.</source>
        <translation>商品の種類を選んでください。</translation>
    </message>
    <message>
        <source>Rashisa checks this word once a base model is chosen.</source>
        <translation>ベースモデルを選ぶと、この言葉が使えるか確認します。</translation>
    </message>
    <message>
        <source>The model knows this word.</source>
        <translation>モデルが知っている言葉です。</translation>
    </message>
    <message>
        <source>The model does not know &quot;%1&quot; as one word. Choose one from the list, or another simple English word.</source>
        <translation>モデルは「%1」をひとつの言葉として知りません。一覧から選ぶか、別の簡単な英単語にしてください。</translation>
    </message>
    <message>
        <source>No photos were found.</source>
        <translation>写真が見つかりませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be added.</source>
        <translation>
            <numerusform>%n 件のファイルを追加できませんでした。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>写真を %n 枚追加しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>These photos are already in the project.</source>
        <translation>これらの写真はすでにプロジェクトにあります。</translation>
    </message>
    <message>
        <source>Adding was stopped; the photos added until then are kept.</source>
        <translation>追加を中止しました。それまでに追加した写真は残っています。</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) were already in the project.</source>
        <translation>
            <numerusform>%n 枚はすでにプロジェクトにありました。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2. %3</source>
        <translation>%1：%2。%3</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (see &quot;Copy details&quot;).</source>
        <translation>
            <numerusform>…ほか %n 件（「詳細をコピー」で確認できます）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n file(s) that are not photos: %1</source>
        <translation>
            <numerusform>写真ではないファイル %n 件を読み飛ばしました：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>No photos in the folder &quot;%1&quot;.</source>
        <translation>フォルダー「%1」には写真がありませんでした。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::PreviewListModel</name>
    <message>
        <source>Stage %1 · step %2</source>
        <translation>段階%1・%2ステップ</translation>
    </message>
    <message>
        <source>%1: %2, seed %3</source>
        <translation>%1：%2、シード %3</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::RecentProjectsModel</name>
    <message>
        <source>Not found at %1</source>
        <translation>%1 に見つかりません</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) trained</source>
        <translation>
            <numerusform>学習済みの商品 %n 点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>画像 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>opened %1</source>
        <translation>最終利用 %1</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::ReviewFilters</name>
    <message>
        <source>Show images by review state</source>
        <translation>確認の状態で絞り込む</translation>
    </message>
    <message>
        <source>All images</source>
        <translation>すべての画像</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Show images of one template</source>
        <translation>テンプレートで絞り込む</translation>
    </message>
    <message>
        <source>Show images of one product</source>
        <translation>商品で絞り込む</translation>
    </message>
    <message>
        <source>Show images with one value of a template variable</source>
        <translation>テンプレート変数の値で絞り込む</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>すべてのテンプレート</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>すべての商品</translation>
    </message>
    <message>
        <source>All values</source>
        <translation>すべての値</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>すべて表示</translation>
    </message>
    <message>
        <source>Clears the filters.</source>
        <translation>絞り込みを解除します。</translation>
    </message>
    <message>
        <source>A removed product</source>
        <translation>削除された商品</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::ReviewPage</name>
    <message>
        <source>Review the images</source>
        <translation>画像を確認</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>確認者</translation>
    </message>
    <message>
        <source>Reviewer&apos;s name</source>
        <translation>確認者の名前</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>お名前</translation>
    </message>
    <message>
        <source>Recorded with every review in the project&apos;s audit log.</source>
        <translation>確認のたびに、プロジェクトの監査ログに記録されます。</translation>
    </message>
    <message>
        <source>Generated images</source>
        <translation>生成した画像</translation>
    </message>
    <message numerus="yes">
        <source>Making %n more like this.</source>
        <translation>
            <numerusform>同じ設定で %n 枚を追加で作っています。</numerusform>
        </translation>
    </message>
    <message>
        <source>They appear here as they are made; the Generate page shows the batch.</source>
        <translation>できた順にここに表示されます。進み具合は「生成」ページで確認できます。</translation>
    </message>
    <message>
        <source>The chosen image, large</source>
        <translation>選んだ画像（拡大表示）</translation>
    </message>
    <message>
        <source>Training photos to compare with</source>
        <translation>比べる学習用の写真</translation>
    </message>
    <message>
        <source>←/→ move · A approve · R reject · U undo · Space zoom · C compare with a photo</source>
        <translation>←/→ 移動・A 承認・R 却下・U 取り消し・Space 拡大・C 写真と比較</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <source>Chooses every image shown (Ctrl+A).</source>
        <translation>表示中の画像をすべて選びます（Ctrl+A）。</translation>
    </message>
    <message>
        <source>Undo the mark</source>
        <translation>判定を取り消す</translation>
    </message>
    <message>
        <source>Puts the chosen images back to not reviewed (U).</source>
        <translation>選んだ画像を未確認に戻します（U）。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Rejects the chosen images (R). Rejected images are kept but never exported.</source>
        <translation>選んだ画像を却下します（R）。却下した画像は残りますが、書き出されません。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Approves the chosen images (A).</source>
        <translation>選んだ画像を承認します（A）。</translation>
    </message>
    <message>
        <source>No images yet. Make some on the Generate page; they appear here as they are made.</source>
        <translation>まだ画像がありません。「生成」ページで作ると、できた順にここに表示されます。</translation>
    </message>
    <message>
        <source>No image matches these filters.</source>
        <translation>この条件に合う画像はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) shown</source>
        <translation>
            <numerusform>%n 枚を表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not reviewed</source>
        <translation>
            <numerusform>未確認 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>No images yet.</source>
        <translation>まだ画像がありません。</translation>
    </message>
    <message>
        <source>Choose an image first.</source>
        <translation>先に画像を選んでください。</translation>
    </message>
    <message>
        <source>Enter your name as the reviewer.</source>
        <translation>確認者の名前を入力してください。</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n image(s)</source>
        <translation>
            <numerusform>%n 枚を承認</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n image(s)</source>
        <translation>
            <numerusform>%n 枚を却下</numerusform>
        </translation>
    </message>
    <message>
        <source>Available when the batch in progress has finished.</source>
        <translation>実行中の生成が終わると使えます。</translation>
    </message>
    <message>
        <source>Available when the product has finished learning.</source>
        <translation>商品の学習が終わると使えます。</translation>
    </message>
    <message>
        <source>Making it again…</source>
        <translation>作り直しています…</translation>
    </message>
    <message>
        <source>Stored · seed %1</source>
        <translation>保存済み・シード %1</translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation>%1・シード %2</translation>
    </message>
    <message>
        <source>This project has no training photos to compare with.</source>
        <translation>このプロジェクトには、比べられる学習用の写真がありません。</translation>
    </message>
    <message>
        <source>Photo %1 of %2 · %3</source>
        <translation>写真 %1/%2・%3</translation>
    </message>
    <message>
        <source>Made again · identical</source>
        <translation>作り直し・一致</translation>
    </message>
    <message>
        <source>Made again · differs</source>
        <translation>作り直し・不一致</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::SettingsDialog</name>
    <message>
        <source>Same as the system</source>
        <translation>システムと同じ</translation>
    </message>
    <message>
        <source>Japanese (日本語)</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Used the next time Rashisa starts.</source>
        <translation>次にらしさを起動したときから使われます。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>確認者名</translation>
    </message>
    <message>
        <source>Recorded with every approval and rejection, and in the project&apos;s audit log.</source>
        <translation>承認・却下のたびに記録され、プロジェクトの監査ログにも残ります。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>使う装置</translation>
    </message>
    <message>
        <source>Automatic uses the GPU when there is one.</source>
        <translation>「自動」では、GPU があれば GPU を使います。</translation>
    </message>
    <message>
        <source>Memory setting</source>
        <translation>メモリの設定</translation>
    </message>
    <message>
        <source>For training. Smaller settings fit smaller GPUs and train more slowly.</source>
        <translation>学習用の設定です。小さい設定ほどメモリの少ない GPU でも動きますが、学習は遅くなります。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>書き出し先フォルダー</translation>
    </message>
    <message>
        <source>Only at the end of each stage</source>
        <translation>各段階の終わりだけ</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> ステップごと</translation>
    </message>
    <message>
        <source>Training previews every</source>
        <translation>学習中のプレビュー</translation>
    </message>
    <message>
        <source>Pictures made while a product learns, to see how it is going.</source>
        <translation>学習の途中で作る確認用の画像です。進み具合を見るのに使います。</translation>
    </message>
    <message>
        <source> h per image</source>
        <translation> 時間／枚</translation>
    </message>
    <message>
        <source>Photo shoot time</source>
        <translation>撮影にかかる時間</translation>
    </message>
    <message>
        <source>How long a photo shoot takes per finished catalogue image, with setup and retouching. Used for the hours saved shown with each project.</source>
        <translation>完成したカタログ画像 1 枚あたりの撮影時間（準備とレタッチを含む）です。各プロジェクトの削減時間の計算に使います。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>書き出し先フォルダーを選ぶ</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::StageStepper</name>
    <message>
        <source>Training stages</source>
        <translation>学習の段階</translation>
    </message>
    <message>
        <source>Learn the word</source>
        <translation>言葉を覚える</translation>
    </message>
    <message>
        <source>Learn where to look</source>
        <translation>注目する場所を覚える</translation>
    </message>
    <message>
        <source>Refine the details</source>
        <translation>細部を仕上げる</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>%1 / %2 steps</source>
        <translation>%1/%2 ステップ</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>残り%1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n ステップ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::StartPage</name>
    <message>
        <source>Welcome to Rashisa</source>
        <translation>らしさへようこそ</translation>
    </message>
    <message>
        <source>Teach Rashisa your product with 5 to 20 photos, then make catalogue images of it. Everything stays on this computer.</source>
        <translation>商品の写真 5〜20 枚で商品を覚えさせ、カタログ用の画像を作りましょう。データはすべてこのパソコンの中にとどまります。</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新しいプロジェクト…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <source>Or drop photos of a product here to start a new project with them.</source>
        <translation>商品の写真をここにドロップすると、その写真で新しいプロジェクトを始められます。</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近のプロジェクト</translation>
    </message>
    <message>
        <source>Projects you open appear here.</source>
        <translation>開いたプロジェクトがここに表示されます。</translation>
    </message>
    <message>
        <source>This project is no longer where it was.</source>
        <translation>このプロジェクトは元の場所にありません。</translation>
    </message>
    <message>
        <source>It may have been moved or deleted: %1</source>
        <translation>移動または削除された可能性があります：%1</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>一覧から外す</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::StepRail</name>
    <message>
        <source>Rashisa</source>
        <translation>らしさ</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::SummaryCard</name>
    <message>
        <source>This project so far</source>
        <translation>このプロジェクトの実績</translation>
    </message>
    <message>
        <source>Products learned</source>
        <translation>学習済みの商品</translation>
    </message>
    <message>
        <source>Images made</source>
        <translation>生成した画像</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>書き出し済み</translation>
    </message>
    <message>
        <source>Computer time</source>
        <translation>パソコンの処理時間</translation>
    </message>
    <message>
        <source>Change the photo shoot time…</source>
        <translation>撮影時間を変更…</translation>
    </message>
    <message>
        <source>Change the photo shoot time</source>
        <translation>撮影時間を変更</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 時間</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplateEditor</name>
    <message>
        <source>A built-in template: changes apply to this project only.</source>
        <translation>標準テンプレートです。変更はこのプロジェクトだけに反映されます。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>A short ID used in file names and exports: lower-case letters a–z, digits, - and _</source>
        <translation>ファイル名や書き出しで使う短い ID です（半角小文字 a〜z、数字、- と _）</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>What the images should not show, e.g. blurry, text, watermark</source>
        <translation>画像に入れたくないもの（例：blurry, text, watermark）</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>ネガティブプロンプト</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>例</translation>
    </message>
    <message>
        <source>Name in Japanese</source>
        <translation>日本語の名前</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>英語の名前</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>In English, e.g. a photo of {product} on a wooden table, soft daylight</source>
        <translation>英語で入力（例：a photo of {product} on a wooden table, soft daylight）</translation>
    </message>
    <message>
        <source>Insert {product}</source>
        <translation>{product} を挿入</translation>
    </message>
    <message>
        <source>Put the product into the prompt at the cursor</source>
        <translation>カーソルの位置に商品を入れます</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>幅</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高さ</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>More steps: finer detail but slower. 25 to 50 suits most images.</source>
        <translation>多いほど細部まで描けますが、時間がかかります。たいていは 25〜50 で十分です。</translation>
    </message>
    <message>
        <source>Images per prompt</source>
        <translation>1 プロンプトの枚数</translation>
    </message>
    <message>
        <source>How many images (seeds) each prompt makes</source>
        <translation>1 つのプロンプトから作る枚数（シードの数）</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>ガイダンス</translation>
    </message>
    <message>
        <source>How closely the images follow the prompt. 7 to 8 suits most images.</source>
        <translation>プロンプトにどれだけ忠実に描くかです。たいていは 7〜8 が適しています。</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>サンプラー</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Example prompts</source>
        <translation>プロンプトの例</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>Fix the marked fields to see the example.</source>
        <translation>印の付いた項目を直すと、例が表示されます。</translation>
    </message>
    <message numerus="yes">
        <source>This template makes %n prompt(s) per product. The first ones:</source>
        <translation>
            <numerusform>このテンプレートからは商品 1 つにつき %n 件のプロンプトができます。最初の数件：</numerusform>
        </translation>
    </message>
    <message>
        <source>Negative: %1</source>
        <translation>ネガティブ：%1</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplateImportPanel</name>
    <message>
        <source>Import again…</source>
        <translation>もう一度読み込む…</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <source>Close this list</source>
        <translation>この一覧を閉じる</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>What to fix</source>
        <translation>直す内容</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>ファイル内の問題</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from &quot;%1&quot;: %n problem(s) to fix in the file. Fix them all, then import it again.</source>
        <translation>
            <numerusform>「%1」からは何も読み込んでいません。ファイルに直す箇所が %n 件あります。すべて直してから、もう一度読み込んでください。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplateListModel</name>
    <message numerus="yes">
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n プロンプト</numerusform>
        </translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>標準</translation>
    </message>
    <message>
        <source>New, not saved</source>
        <translation>新規・未保存</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplateTotalLine</name>
    <message numerus="yes">
        <source>%n seed(s)</source>
        <translation>
            <numerusform>シード %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1–%2 seeds</source>
        <translation>シード %1〜%2</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n テンプレート</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 枚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n 商品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n プロンプト</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Tick at least one template to use on the Generate page.</source>
        <translation>生成に使うテンプレートを 1 つ以上選んでください。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (the time is shown once this computer&apos;s speed has been measured)</source>
        <translation>%1（このパソコンの速さを測ると、所要時間が表示されます）</translation>
    </message>
    <message>
        <source>That is more than %1 images in one go, and &quot;%2&quot; alone makes %3. Choose fewer templates, fewer values or fewer images per prompt.</source>
        <translation>一度に作れるのは %1 枚までですが、これを超えています（「%2」だけで %3 枚）。テンプレート・値・1 プロンプトの枚数のいずれかを減らしてください。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplateVariablesEditor</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>値の数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>Variables: each one is a {placeholder} in the prompt</source>
        <translation>変数（プロンプト内の {差し込み} に入ります）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Add a variable</source>
        <translation>変数を追加します</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected variable</source>
        <translation>選んだ変数を削除します</translation>
    </message>
    <message>
        <source>Use in prompt</source>
        <translation>プロンプトに挿入</translation>
    </message>
    <message>
        <source>Put the selected variable&apos;s placeholder into the prompt at the cursor</source>
        <translation>選んだ変数の差し込みを、プロンプトのカーソル位置に入れます</translation>
    </message>
    <message>
        <source>Each value goes into the prompt as it is written, in English. The Japanese and English names are what Rashisa shows.</source>
        <translation>値は書いたとおり（英語）でプロンプトに入ります。日本語名・英語名は画面の表示に使います。</translation>
    </message>
    <message>
        <source>Add a value</source>
        <translation>値を追加します</translation>
    </message>
    <message>
        <source>Remove the selected value</source>
        <translation>選んだ値を削除します</translation>
    </message>
    <message>
        <source>Values of &quot;%1&quot;</source>
        <translation>「%1」の値</translation>
    </message>
    <message>
        <source>Add a variable to give it values.</source>
        <translation>変数を追加すると、値を入力できます。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TemplatesPage</name>
    <message>
        <source>Prompt templates</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>Choose a template on the left, or make a new one.</source>
        <translation>左の一覧からテンプレートを選ぶか、新しく作成してください。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>Tick the templates to use on the Generate page.</source>
        <translation>生成に使うテンプレートにチェックを入れてください。</translation>
    </message>
    <message>
        <source>Templates in the project</source>
        <translation>プロジェクトのテンプレート</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Make a new template</source>
        <translation>新しいテンプレートを作ります</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Make a copy of the selected template to change</source>
        <translation>選んだテンプレートを複製して、手直しできます</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Remove the selected template from the project</source>
        <translation>選んだテンプレートをプロジェクトから削除します</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>読み込み…</translation>
    </message>
    <message>
        <source>Add templates from a JSON or CSV file</source>
        <translation>JSON または CSV ファイルからテンプレートを追加します</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Write the project&apos;s saved templates to a JSON or CSV file</source>
        <translation>保存済みのテンプレートを JSON または CSV ファイルに書き出します</translation>
    </message>
    <message>
        <source>Make examples now</source>
        <translation>例の画像を作る</translation>
    </message>
    <message>
        <source>Make one example image per template with the trained product</source>
        <translation>学習済みの商品で、テンプレートごとに例の画像を 1 枚作ります</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <source>Go back to the saved version of this template (this can be undone too)</source>
        <translation>このテンプレートを保存済みの状態に戻します（これも元に戻せます）</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>テンプレートを保存</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) have changes that are not saved yet.</source>
        <translation>
            <numerusform>保存していない変更があるテンプレートが %n 件あります。</numerusform>
        </translation>
    </message>
    <message>
        <source>They are kept from last time and marked &quot;Not saved&quot; in the list. Save them, or discard the changes.</source>
        <translation>前回の変更を残してあり、一覧に「未保存」と表示しています。保存するか、変更を破棄してください。</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新しいテンプレート</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（コピー）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is removed from this project. Images already made with it are kept.</source>
        <translation>「%1」をこのプロジェクトから削除します。このテンプレートで作成済みの画像は残ります。</translation>
    </message>
    <message>
        <source>The new template &quot;%1&quot; has not been saved; it is discarded.</source>
        <translation>新しいテンプレート「%1」はまだ保存されていないため、破棄されます。</translation>
    </message>
    <message>
        <source>Remove the template?</source>
        <translation>テンプレートを削除しますか？</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>削除しない</translation>
    </message>
    <message>
        <source>The file has no templates.</source>
        <translation>ファイルにテンプレートがありません。</translation>
    </message>
    <message>
        <source>Check that it is a template file exported from Rashisa, or one in the same format.</source>
        <translation>らしさから書き出したテンプレートファイル、または同じ形式のファイルか確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) imported.</source>
        <translation>
            <numerusform>テンプレートを %n 件読み込みました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Example images are made on this computer once a product has learned. Until then, the templates show a placeholder.</source>
        <translation>例の画像は、商品の学習が終わるとこのパソコンで作成されます。それまでは仮の絵を表示します。</translation>
    </message>
    <message>
        <source>Making the example images…</source>
        <translation>例の画像を作成しています…</translation>
    </message>
    <message>
        <source>Some templates have no example image yet. They can be made once the current training or batch has finished.</source>
        <translation>例の画像がまだないテンプレートがあります。実行中の学習または生成が終わると作成できます。</translation>
    </message>
    <message>
        <source>Some templates have no example image yet.</source>
        <translation>例の画像がまだないテンプレートがあります。</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>元に戻す：%1（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>やり直す：%1（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>All changes are saved.</source>
        <translation>変更はすべて保存済みです。</translation>
    </message>
    <message>
        <source>Fix the marked fields to save.</source>
        <translation>印の付いた項目を直すと保存できます。</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>まだ保存していません。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TrainingPanel</name>
    <message>
        <source>Previews</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Show where the AI sees the product</source>
        <translation>AI が商品として見ている場所を表示</translation>
    </message>
    <message>
        <source>Colours where the model looks when it reads the product&apos;s word. Bright on the product means it has learned what the word stands for.</source>
        <translation>商品を表す言葉を読んだとき、モデルが注目している場所を色で示します。商品の上が明るければ、その言葉が商品を指すことを覚えています。</translation>
    </message>
    <message>
        <source>The first previews appear when stage 1 ends.</source>
        <translation>最初のプレビューは段階 1 が終わると表示されます。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>All previews of this training</source>
        <translation>この学習のすべてのプレビュー</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Save and stop</source>
        <translation>ここまでを保存して中止</translation>
    </message>
    <message>
        <source>Stops after the current step. Everything so far is saved, and training can resume later.</source>
        <translation>今のステップが終わったら止めます。ここまでの内容は保存され、あとで再開できます。</translation>
    </message>
    <message>
        <source>Latest: %1</source>
        <translation>最新：%1</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>中断中</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>シード %1</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TryPanel</name>
    <message>
        <source>Try it</source>
        <translation>試しに作ってみる</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Describe a scene in English, with {concept} where the product goes</source>
        <translation>場面を英語で。商品の入る位置に {concept} と書きます</translation>
    </message>
    <message>
        <source>Make 4 images</source>
        <translation>4 枚作る</translation>
    </message>
    <message>
        <source>{concept} becomes your product. Write the rest in English, like a photo caption.</source>
        <translation>{concept} の部分が商品になります。ほかは写真の説明文のように英語で書いてください。</translation>
    </message>
    <message>
        <source>Write {concept} where the product goes.</source>
        <translation>商品の入る位置に {concept} と書いてください。</translation>
    </message>
    <message>
        <source>Making the images…</source>
        <translation>画像を作っています…</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>シード %1</translation>
    </message>
    <message>
        <source>Not saved: these images are only a try.</source>
        <translation>試しの画像なので保存されません。</translation>
    </message>
</context>
</TS>
